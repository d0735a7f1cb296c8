#pragma once
// Typeset formulas for lesson text. The build typesets every formula of the shipped lessons with
// MathJax (neuralscope-cli lint --formulas-out) into SVG embedded in the app; formulas of a
// teacher's own lesson are typeset the same way at run time when Node.js and MathJax are
// there, and kept in a disk cache. QtSvg draws them into images sized to the text's font, with
// transparent padding that puts an inline formula's baseline on the text's baseline.
#include "lessons/lint.h"
#include "lessons/math_scan.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace ns {

class FormulaBook {
public:
    FormulaBook();

    // The app's one book, loaded with the built-in formulas on first use.
    static FormulaBook& shared();
    static constexpr const char* kBuiltInPath = ":/lessons/formulas.json";

    // Adds the formulas of a formulas file (lint.h's formulasJson); returns how many.
    int loadJson(const QByteArray& json);
    int loadFile(const QString& path);
    bool has(const std::string& tex, bool display) const;
    int size() const { return static_cast<int>(entries_.size()); }

    // Formulas the book lacks come from the disk cache, else are typeset now with Node.js and
    // MathJax (and cached); when that is not possible they stay missing and are shown as TeX.
    // Returns how many are still missing.
    int typesetMissing(const std::vector<lessons::MathSpan>& formulas);
    QString lastProblem() const { return lastProblem_; }  // why typesetting did not run
    void setCacheDirectory(const QString& directory) { cacheDirectory_ = directory; }
    void setMathJaxDirectory(const QString& directory) { mathjaxDirectory_ = directory; }
    void setRuntimeTypesetting(bool on) { runtime_ = on; }
    int runtimeTypesetCount() const { return runtimeTypeset_; }  // formulas MathJax typeset for this book

    struct Picture {
        QImage image;   // device pixels, transparent background
        QSizeF size;    // logical pixels
        double formulaTop = 0;  // logical pixels of padding above the formula
    };
    // The formula drawn at emPixels per em in ink. Inline formulas are padded so that, placed
    // with QTextCharFormat::AlignMiddle next to text of x-height xHeight, their baseline sits on
    // the text's baseline (Qt centres such an image half an x-height above the baseline).
    std::optional<Picture> picture(const std::string& tex, bool display, double emPixels, double xHeight,
                                   const QColor& ink, qreal devicePixelRatio) const;

private:
    struct Entry {
        QByteArray svg;
        double width = 0, ascent = 0, descent = 0;  // em
    };
    static QString key(const std::string& tex, bool display);
    QString cacheFile(const QString& key) const;
    bool loadCached(const QString& key);
    void storeCached(const QString& key, const lessons::TypesetFormula& formula) const;

    QHash<QString, Entry> entries_;
    mutable QHash<QString, Picture> pictures_;
    QString cacheDirectory_;
    QString mathjaxDirectory_;
    QString lastProblem_;
    bool runtime_ = true;
    int runtimeTypeset_ = 0;
};

}  // namespace ns

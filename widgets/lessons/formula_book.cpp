#include "lessons/formula_book.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QSvgRenderer>

#include <cmath>

namespace ns {

FormulaBook::FormulaBook()
    : cacheDirectory_(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                      QStringLiteral("/formulas")) {}

FormulaBook& FormulaBook::shared() {
    static FormulaBook book = [] {
        FormulaBook b;
        b.loadFile(QString::fromLatin1(kBuiltInPath));
        return b;
    }();
    return book;
}

QString FormulaBook::key(const std::string& tex, bool display) {
    return (display ? QStringLiteral("D:") : QStringLiteral("I:")) + QString::fromStdString(tex);
}

int FormulaBook::loadJson(const QByteArray& json) {
    const QJsonArray list = QJsonDocument::fromJson(json).object().value(QStringLiteral("formulas")).toArray();
    int added = 0;
    for (const QJsonValue& value : list) {
        const QJsonObject f = value.toObject();
        Entry e;
        e.svg = f.value(QStringLiteral("svg")).toString().toUtf8();
        e.width = f.value(QStringLiteral("width")).toDouble();
        e.ascent = f.value(QStringLiteral("ascent")).toDouble();
        e.descent = f.value(QStringLiteral("descent")).toDouble();
        if (e.svg.isEmpty() || !(e.width > 0)) continue;
        entries_.insert(key(f.value(QStringLiteral("tex")).toString().toStdString(),
                            f.value(QStringLiteral("display")).toBool()),
                        e);
        ++added;
    }
    return added;
}

int FormulaBook::loadFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? loadJson(file.readAll()) : 0;
}

bool FormulaBook::has(const std::string& tex, bool display) const { return entries_.contains(key(tex, display)); }

QString FormulaBook::cacheFile(const QString& k) const {
    const QByteArray hash = QCryptographicHash::hash(k.toUtf8(), QCryptographicHash::Sha1).toHex();
    return cacheDirectory_ + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".json");
}

bool FormulaBook::loadCached(const QString& k) {
    QFile file(cacheFile(k));
    if (!file.open(QIODevice::ReadOnly)) return false;
    const QJsonObject f = QJsonDocument::fromJson(file.readAll()).object();
    // The file name is a hash: the key inside must match exactly.
    if (f.value(QStringLiteral("key")).toString() != k) return false;
    Entry e;
    e.svg = f.value(QStringLiteral("svg")).toString().toUtf8();
    e.width = f.value(QStringLiteral("width")).toDouble();
    e.ascent = f.value(QStringLiteral("ascent")).toDouble();
    e.descent = f.value(QStringLiteral("descent")).toDouble();
    if (e.svg.isEmpty() || !(e.width > 0)) return false;
    entries_.insert(k, e);
    return true;
}

void FormulaBook::storeCached(const QString& k, const lessons::TypesetFormula& formula) const {
    if (cacheDirectory_.isEmpty() || !QDir().mkpath(cacheDirectory_)) return;
    QSaveFile file(cacheFile(k));
    if (!file.open(QIODevice::WriteOnly)) return;
    const QJsonObject f{{QStringLiteral("key"), k},
                        {QStringLiteral("svg"), QString::fromStdString(formula.svg)},
                        {QStringLiteral("width"), formula.width},
                        {QStringLiteral("ascent"), formula.ascent},
                        {QStringLiteral("descent"), formula.descent}};
    file.write(QJsonDocument(f).toJson(QJsonDocument::Compact));
    file.commit();
}

int FormulaBook::typesetMissing(const std::vector<lessons::MathSpan>& formulas) {
    std::vector<lessons::MathSpan> missing;
    QSet<QString> seen;
    // The lines a wide display formula can be broken into, too (lessons::displayLines).
    for (const lessons::MathSpan& f : lessons::withDisplayLines(formulas)) {
        const QString k = key(f.tex, f.display);
        if (entries_.contains(k) || seen.contains(k) || loadCached(k)) continue;
        seen.insert(k);
        missing.push_back(f);
    }
    if (missing.empty()) return 0;
    auto missingAsked = [&] {
        QSet<QString> keys;
        for (const lessons::MathSpan& f : formulas)
            if (!entries_.contains(key(f.tex, f.display))) keys.insert(key(f.tex, f.display));
        return static_cast<int>(keys.size());
    };
    if (!runtime_) {
        lastProblem_ = QStringLiteral("typesetting at run time is off");
        return missingAsked();
    }
    std::string why;
    const auto typeset = lessons::typesetWithMathJax(missing, mathjaxDirectory_.toStdString(), why);
    if (!typeset) {
        lastProblem_ = QString::fromStdString(why);
        return missingAsked();
    }
    QSet<QString> asked;  // the formulas themselves, not the lines they may be broken into
    for (const lessons::MathSpan& f : formulas) asked.insert(key(f.tex, f.display));
    int still = 0;
    for (const lessons::TypesetFormula& f : *typeset) {
        if (!f.ok) {
            if (asked.contains(key(f.tex, f.display))) ++still;
            continue;
        }
        const QString k = key(f.tex, f.display);
        entries_.insert(k, Entry{QByteArray::fromStdString(f.svg), f.width, f.ascent, f.descent});
        storeCached(k, f);
        ++runtimeTypeset_;
    }
    return still;
}

std::optional<FormulaBook::Picture> FormulaBook::picture(const std::string& tex, bool display, double emPixels,
                                                          double xHeight, const QColor& ink, qreal dpr) const {
    const QString k = key(tex, display);
    const auto it = entries_.constFind(k);
    if (it == entries_.constEnd()) return std::nullopt;
    const QString cacheKey = k + QStringLiteral("|%1|%2|%3|%4").arg(emPixels).arg(xHeight).arg(ink.name()).arg(dpr);
    if (const auto cached = pictures_.constFind(cacheKey); cached != pictures_.constEnd()) return *cached;

    const Entry& e = *it;
    const double width = e.width * emPixels;
    const double ascent = e.ascent * emPixels;
    const double descent = e.descent * emPixels;
    // Qt gives an AlignMiddle image of height H the ascent (H + x/2)/2 and the descent
    // (H − x/2)/2 (x: the x-height). The formula's baseline is on the text's when the padded
    // ascent minus the padded descent is x/2.
    double top = 0, bottom = 0;
    if (!display) {
        const double difference = ascent - descent - xHeight / 2;
        if (difference > 0) bottom = difference;
        else top = -difference;
    }
    // Whole device pixels, and a logical size that is exactly image size / dpr: otherwise the
    // text layout scales the image by a fraction of a pixel (nearest neighbour) and thin
    // horizontal strokes — the bar of "e", of "+" — vanish. The extra height goes half above,
    // half below, which keeps an inline formula on the baseline.
    const QSize pixels(static_cast<int>(std::ceil(width * dpr)),
                       static_cast<int>(std::ceil((top + ascent + descent + bottom) * dpr)));
    const double extra = pixels.height() / dpr - (top + ascent + descent + bottom);
    top += extra / 2;
    Picture p;
    p.size = QSizeF(pixels.width() / dpr, pixels.height() / dpr);
    p.formulaTop = top;
    p.image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    p.image.setDevicePixelRatio(dpr);
    p.image.fill(Qt::transparent);
    QByteArray svg = e.svg;
    svg.replace("currentColor", ink.name().toLatin1());
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) return std::nullopt;
    QPainter painter(&p.image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, top, width, ascent + descent));
    painter.end();
    pictures_.insert(cacheKey, p);
    return p;
}

}  // namespace ns

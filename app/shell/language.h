#pragma once
// Switches the UI between English and Simplified Chinese at run time (Qt Linguist catalogues
// compiled by Qt 6 lrelease into the resources). Each subject may bring its own catalogue
// (resources/translations/<subject>_zh_CN.ts); all of a language's catalogues are installed.
// The choice is remembered in QSettings.
#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>
#include <vector>

namespace ns {

class LanguageSwitcher : public QObject {
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject* parent = nullptr);

    // "system" follows the locale; otherwise "en" or "zh_CN". Returns false if the catalogue
    // for the language is missing (the UI then stays in English).
    bool apply(const QString& language);
    QString current() const { return current_; }
    QString effective() const { return effective_; }  // "en" or "zh_CN"
    static QString saved();
    static void save(const QString& language);

private:
    std::vector<std::unique_ptr<QTranslator>> appTranslators_;
    QTranslator qtTranslator_;
    QString current_ = QStringLiteral("system");
    QString effective_ = QStringLiteral("en");
};

}  // namespace ns

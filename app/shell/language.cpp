#include "shell/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace ns {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

QString LanguageSwitcher::saved() {
    return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
}

void LanguageSwitcher::save(const QString& language) {
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

bool LanguageSwitcher::apply(const QString& language) {
    current_ = language;
    QString wanted = language;
    if (wanted == QLatin1String("system"))
        wanted = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                          : QStringLiteral("en");
    for (const auto& translator : appTranslators_) QCoreApplication::removeTranslator(translator.get());
    appTranslators_.clear();
    QCoreApplication::removeTranslator(&qtTranslator_);
    effective_ = QStringLiteral("en");
    if (wanted == QLatin1String("en")) {
        // Removing the translators already sent LanguageChange only if one was installed.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return true;
    }
    const QString suffix = QLatin1Char('_') + wanted + QStringLiteral(".qm");
    if (!QFile::exists(QStringLiteral(":/i18n/neuralscope") + suffix)) return false;
    for (const QString& file : QDir(QStringLiteral(":/i18n")).entryList({QLatin1Char('*') + suffix}, QDir::Files)) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(QStringLiteral(":/i18n/") + file)) appTranslators_.push_back(std::move(translator));
    }
    // Qt's own strings (standard buttons, context menus) when the system has them.
    if (qtTranslator_.load(QStringLiteral("qtbase_") + wanted,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator_);
    for (const auto& translator : appTranslators_) QCoreApplication::installTranslator(translator.get());
    effective_ = wanted;
    return true;
}

}  // namespace ns

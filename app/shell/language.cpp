#include "shell/language.h"

#include <QCoreApplication>
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
    QCoreApplication::removeTranslator(&appTranslator_);
    QCoreApplication::removeTranslator(&qtTranslator_);
    effective_ = QStringLiteral("en");
    if (wanted == QLatin1String("en")) {
        // Removing the translators already sent LanguageChange only if one was installed.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return true;
    }
    if (!appTranslator_.load(QStringLiteral(":/i18n/neuralscope_") + wanted)) return false;
    // Qt's own strings (standard buttons, context menus) when the system has them.
    if (qtTranslator_.load(QStringLiteral("qtbase_") + wanted,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator_);
    QCoreApplication::installTranslator(&appTranslator_);
    effective_ = wanted;
    return true;
}

}  // namespace ns

// An exception out of an event handler (bad_alloc above all) is caught by the application, the
// event dropped, the app alive and the user told — never std::terminate with the work lost.
#include "shell/guarded_application.h"

#include <QEvent>
#include <QMessageBox>
#include <QtTest>

#include <new>

namespace {

class Throwing : public QObject {
public:
    bool bad = true;
    int handled = 0;
    bool event(QEvent* event) override {
        if (event->type() != QEvent::User) return QObject::event(event);
        if (bad) throw std::bad_alloc();
        ++handled;
        return true;
    }
};

}  // namespace

class TestGuardedApplication : public QObject {
    Q_OBJECT
private slots:
    void badAllocInAHandlerIsReportedAndTheAppGoesOn() {
        auto* app = qobject_cast<ns::GuardedApplication*>(QCoreApplication::instance());
        QVERIFY(app);
        Throwing target;
        QCoreApplication::postEvent(&target, new QEvent(QEvent::User));
        QCoreApplication::processEvents();
        QCOMPARE(app->failures(), 1);
        QVERIFY(app->lastFailure().contains(QStringLiteral("not enough memory")));
        QTRY_VERIFY(!QApplication::topLevelWidgets().isEmpty());  // the message, shown after unwinding
        auto* box = qobject_cast<QMessageBox*>(QApplication::topLevelWidgets().constFirst());
        QVERIFY(box && box->text().contains(QStringLiteral("everything else is as it was")));
        // The next event is delivered as usual.
        target.bad = false;
        QCoreApplication::postEvent(&target, new QEvent(QEvent::User));
        QCoreApplication::processEvents();
        QCOMPARE(target.handled, 1);
        QCOMPARE(app->failures(), 1);
    }
};

int main(int argc, char** argv) {
    ns::GuardedApplication app(argc, argv);
    TestGuardedApplication test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_guarded_application.moc"

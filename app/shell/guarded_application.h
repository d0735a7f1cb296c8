#pragma once
// The app's QApplication: an exception escaping an event handler (std::bad_alloc from a request
// larger than the machine's free memory, despite the size checks) would end the app with the
// student's work. It is caught here instead: the event is dropped, the state stays as it was,
// and a message says what happened and what to try.
#include <QApplication>
#include <QString>

namespace ns {

class GuardedApplication : public QApplication {
    Q_OBJECT
public:
    GuardedApplication(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;

    int failures() const { return failures_; }
    QString lastFailure() const { return lastFailure_; }

private:
    void report(const QString& text);
    int failures_ = 0;
    QString lastFailure_;
};

}  // namespace ns

#include "shell/guarded_application.h"

#include <QMessageBox>
#include <QPointer>
#include <QTimer>

#include <new>
#include <stdexcept>

namespace ns {

GuardedApplication::GuardedApplication(int& argc, char** argv) : QApplication(argc, argv) {}

bool GuardedApplication::notify(QObject* receiver, QEvent* event) {
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::bad_alloc&) {
        report(tr("There was not enough memory for the last action, so it was not carried out; everything "
                  "else is as it was. Try a smaller data set, network or batch, or close other programs."));
    } catch (const std::exception& error) {
        report(tr("The last action failed and was not carried out; everything else is as it was.\n\n%1")
                   .arg(QString::fromLocal8Bit(error.what())));
    }
    return false;
}

void GuardedApplication::report(const QString& text) {
    ++failures_;
    lastFailure_ = text;
    // Shown after the failing event has unwound, and never modal inside it.
    QTimer::singleShot(0, this, [text] {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("NeuralScope"), text, QMessageBox::Ok);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->show();
    });
}

}  // namespace ns

#pragma once
// The Undo and Redo buttons of a workspace's toolbar: they undo and redo on the model's stack,
// are enabled only when there is something to undo or redo, and their tooltips name it
// ("Undo: Length 20 (Ctrl+Z)"), in the interface's language. The page keeps Ctrl+Z and
// Ctrl+Shift+Z as its own shortcuts.
#include <QObject>
#include <QPointer>

class QPushButton;
class QUndoStack;

namespace ns {

class UndoButtons : public QObject {
    Q_OBJECT
public:
    // Owned by `undo`; the buttons and the stack must outlive nothing of it.
    UndoButtons(QPushButton* undo, QPushButton* redo, QUndoStack* stack);
    void refresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPushButton* undo_;
    QPushButton* redo_;
    QPointer<QUndoStack> stack_;
};

}  // namespace ns

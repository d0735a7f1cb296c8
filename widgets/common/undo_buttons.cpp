#include "common/undo_buttons.h"

#include <QEvent>
#include <QPushButton>
#include <QUndoStack>

namespace ns {

UndoButtons::UndoButtons(QPushButton* undo, QPushButton* redo, QUndoStack* stack)
    : QObject(undo), undo_(undo), redo_(redo), stack_(stack) {
    connect(undo, &QPushButton::clicked, stack, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::indexChanged, this, &UndoButtons::refresh);
    undo->installEventFilter(this);  // a language change reaches every widget
    refresh();
}

void UndoButtons::refresh() {
    if (!stack_) return;
    undo_->setText(tr("Undo"));
    redo_->setText(tr("Redo"));
    undo_->setEnabled(stack_->canUndo());
    redo_->setEnabled(stack_->canRedo());
    undo_->setToolTip(stack_->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(stack_->undoText()) : tr("Nothing to undo (Ctrl+Z)"));
    redo_->setToolTip(stack_->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(stack_->redoText())
                                        : tr("Nothing to redo (Ctrl+Shift+Z)"));
}

bool UndoButtons::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::LanguageChange) refresh();
    return QObject::eventFilter(watched, event);
}

}  // namespace ns

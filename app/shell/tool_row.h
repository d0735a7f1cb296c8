#pragma once
// Toolbars (or rows of controls) side by side while they fit, one under the other when they do
// not (presenter mode, a narrow window): no control ever hides behind a toolbar's » menu or
// past the window's edge.
#include <QBoxLayout>
#include <QEvent>
#include <QWidget>

#include <vector>

namespace ns {

class ToolRow : public QWidget {
public:
    explicit ToolRow(std::vector<QWidget*> bars, QWidget* parent = nullptr)
        : QWidget(parent), bars_(std::move(bars)), layout_(new QBoxLayout(QBoxLayout::LeftToRight, this)) {
        layout_->setContentsMargins(0, 0, 0, 0);
        layout_->setSpacing(0);
        for (QWidget* bar : bars_) layout_->addWidget(bar);
        layout_->addStretch();
    }
    bool stacked() const { return layout_->direction() == QBoxLayout::TopToBottom; }

protected:
    bool event(QEvent* event) override {
        const bool handled = QWidget::event(event);
        if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest) fit();
        return handled;
    }

private:
    void fit() {
        int needed = 0;
        for (QWidget* bar : bars_) needed += bar->sizeHint().width();
        const auto direction = width() >= needed ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
        if (direction != layout_->direction()) layout_->setDirection(direction);
    }

    std::vector<QWidget*> bars_;
    QBoxLayout* layout_;
};

}  // namespace ns

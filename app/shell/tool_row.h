#pragma once
// Toolbars (or rows of controls) side by side while they fit, one under the other when they do
// not (presenter mode, a narrow window): no control ever hides behind a toolbar's » menu or
// past the window's edge.
#include <QBoxLayout>
#include <QEvent>
#include <QWidget>

#include <initializer_list>
#include <utility>
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

    // One bar of label–control pairs (a gap after each), kept compact by a stretch at its end when
    // the bars stack.
    static QWidget* pairs(QWidget* parent, std::initializer_list<std::pair<QWidget*, QWidget*>> labelled) {
        auto* bar = new QWidget(parent);
        auto* row = new QHBoxLayout(bar);
        row->setContentsMargins(0, 0, 12, 0);
        for (auto [label, control] : labelled) {
            row->addWidget(label);
            row->addWidget(control);
            row->addSpacing(8);
        }
        row->addStretch(1);
        return bar;
    }

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

#pragma once
// Workspaces that need nothing of their own: a model and the view observing it, made on first
// use (ModelWorkspace), or a page made elsewhere (PageWorkspace, e.g. a lesson's instruments).
#include "shell/workspace.h"

#include <QPointer>
#include <QWidget>

#include <functional>

namespace ns {

struct WorkspaceText {
    QString id;
    std::function<QString()> title;    // called again on a language change
    std::function<QString()> toolTip;
};

template <class Model, class View>
class ModelWorkspace : public Workspace {
public:
    explicit ModelWorkspace(WorkspaceText text, QObject* parent = nullptr) : Workspace(parent), text_(std::move(text)) {}
    ~ModelWorkspace() override { delete view_; }  // the view before the model it observes

    QString id() const override { return text_.id; }
    QString title() const override { return text_.title(); }
    QString toolTip() const override { return text_.toolTip ? text_.toolTip() : title(); }
    QWidget* page() override { return view(); }
    QObject* model() override { return typedModel(); }

    Model* typedModel() {
        view();
        return model_;
    }
    View* view() {
        if (!view_) {
            model_ = new Model(this);
            view_ = new View(model_);
        }
        return view_;
    }
    View* viewIfMade() const { return view_; }

private:
    WorkspaceText text_;
    Model* model_ = nullptr;
    QPointer<View> view_;
};

class PageWorkspace : public Workspace {
public:
    PageWorkspace(WorkspaceText text, QWidget* page, QObject* model, QObject* parent = nullptr)
        : Workspace(parent), text_(std::move(text)), page_(page), model_(model) {}
    ~PageWorkspace() override { delete page_; }

    QString id() const override { return text_.id; }
    QString title() const override { return text_.title(); }
    QString toolTip() const override { return text_.toolTip ? text_.toolTip() : title(); }
    QWidget* page() override { return page_; }
    QObject* model() override { return model_; }
    // Presenter mode, for pages that draw their own text (set by whoever made the page).
    std::function<void(double)> onPresenterScale;
    void setPresenterScale(double scale) override {
        if (onPresenterScale) onPresenterScale(scale);
    }

private:
    WorkspaceText text_;
    QPointer<QWidget> page_;
    QPointer<QObject> model_;
};

}  // namespace ns

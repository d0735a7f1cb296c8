#include "lessons/perceptron_view.h"

#include "common/theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ns {

using lessons::Gate;
using lessons::PerceptronMode;

namespace {

constexpr double kLow = -0.5, kHigh = 1.5;  // the plane shown, in input units

const std::vector<Gate>& gates() {
    static const std::vector<Gate> all{Gate::And, Gate::Or, Gate::Nand, Gate::Nor, Gate::Not, Gate::Xor};
    return all;
}

QString gateName(Gate gate) { return QString::fromLatin1(lessons::name(gate).data()).toUpper(); }

QString number(double v) {
    QString s = QString::number(v, 'g', 4);
    s.replace(QLatin1Char('-'), QChar(0x2212));
    return s;
}

QString signedLabel(int y) { return y > 0 ? QStringLiteral("+1") : QStringLiteral("−1"); }

// The part of the line a·x + b·y + c = 0 inside the shown square, if it crosses it.
std::optional<QLineF> clipLine(double a, double b, double c) {
    std::vector<QPointF> hits;
    auto add = [&hits](double x, double y) {
        if (x >= kLow - 1e-9 && x <= kHigh + 1e-9 && y >= kLow - 1e-9 && y <= kHigh + 1e-9) hits.emplace_back(x, y);
    };
    if (std::abs(b) > 1e-12) {
        add(kLow, -(a * kLow + c) / b);
        add(kHigh, -(a * kHigh + c) / b);
    }
    if (std::abs(a) > 1e-12) {
        add(-(b * kLow + c) / a, kLow);
        add(-(b * kHigh + c) / a, kHigh);
    }
    if (hits.size() < 2) return std::nullopt;
    QPointF p = hits[0], q = hits[1];
    for (const QPointF& h : hits)
        if (QLineF(p, h).length() > QLineF(p, q).length()) q = h;
    if (QLineF(p, q).length() < 1e-9) return std::nullopt;
    return QLineF(p, q);
}

}  // namespace

// The plane: shading, lines, w, points.
class PerceptronPlane : public QWidget {
public:
    explicit PerceptronPlane(PerceptronView* view) : QWidget(view), view_(view) {
        setMinimumSize(240, 240);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    double scale = 1;

protected:
    void paintEvent(QPaintEvent*) override {
        const auto& s = view_->state();
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), theme::background());
        const double side = std::min(width(), height()) - 70 * scale;
        const QRectF square((width() - side) / 2 + 12 * scale, (height() - side) / 2 - 8 * scale, side, side);
        auto map = [&](double x1, double x2) {
            return QPointF(square.left() + (x1 - kLow) / (kHigh - kLow) * square.width(),
                           square.bottom() - (x2 - kLow) / (kHigh - kLow) * square.height());
        };
        const bool one = s.data.inputs == 1;
        const bool hidden = s.mode == PerceptronMode::Hidden;
        auto fires = [&](double x1, double x2) {
            if (hidden) return s.hidden.output01(x1, x2) == 1;
            double score = s.bias + s.weights[0] * x1;
            if (!one && s.weights.size() > 1) score += s.weights[1] * x2;
            return score >= 0;
        };

        // Which side says +1 (fires) and which −1, cell by cell.
        const int cells = 64;
        QColor yes = theme::positive(), no = theme::negative();
        yes.setAlpha(45);
        no.setAlpha(40);
        const double cell = square.width() / cells;
        for (int i = 0; i < cells; ++i)
            for (int j = 0; j < cells; ++j) {
                const double x1 = kLow + (i + 0.5) / cells * (kHigh - kLow);
                const double x2 = kLow + (j + 0.5) / cells * (kHigh - kLow);
                p.fillRect(QRectF(square.left() + i * cell, square.bottom() - (j + 1) * cell, cell + 0.5, cell + 0.5),
                           fires(x1, x2) ? yes : no);
            }
        p.setPen(QPen(theme::mutedInk(), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(square);

        // Axes through 0 and labels.
        QFont font = theme::uiFont(12 * scale);
        p.setFont(font);
        p.setPen(QPen(QColor(0, 0, 0, 60), 1, Qt::DashLine));
        p.drawLine(map(0, kLow), map(0, kHigh));
        p.drawLine(map(kLow, 0), map(kHigh, 0));
        p.setPen(theme::mutedInk());
        for (double t : {0.0, 1.0}) {
            p.drawText(QRectF(map(t, kLow).x() - 20, square.bottom() + 2, 40, 22 * scale), Qt::AlignCenter,
                       QString::number(t));
            if (!one)
                p.drawText(QRectF(square.left() - 34 * scale, map(kLow, t).y() - 11 * scale, 30 * scale, 22 * scale),
                           Qt::AlignRight | Qt::AlignVCenter, QString::number(t));
        }
        p.drawText(QRectF(square.right() - 40 * scale, square.bottom() + 2, 40 * scale, 22 * scale), Qt::AlignRight,
                   QStringLiteral("x₁"));
        if (!one)
            p.drawText(QRectF(square.left() - 34 * scale, square.top(), 30 * scale, 22 * scale), Qt::AlignRight,
                       QStringLiteral("x₂"));

        // Decision lines.
        auto drawLine = [&](double a, double b, double c, const QPen& pen, const QString& label) {
            const auto line = clipLine(a, b, c);
            if (!line) return std::optional<QLineF>();
            p.setPen(pen);
            p.drawLine(map(line->p1().x(), line->p1().y()), map(line->p2().x(), line->p2().y()));
            if (!label.isEmpty()) {
                p.setPen(pen.color());
                const QPointF at = map(line->p2().x(), line->p2().y());
                p.drawText(QRectF(at.x() - 40 * scale, at.y() - 26 * scale, 80 * scale, 22 * scale), Qt::AlignCenter, label);
            }
            return line;
        };
        if (hidden) {
            QPen pen(QColor(0x55, 0x55, 0x55), 2.5 * scale, Qt::DashLine);
            drawLine(s.hidden.hidden1.w1, s.hidden.hidden1.w2, s.hidden.hidden1.b, pen, QStringLiteral("h₁"));
            drawLine(s.hidden.hidden2.w1, s.hidden.hidden2.w2, s.hidden.hidden2.b, pen, QStringLiteral("h₂"));
        } else {
            const double w1 = s.weights[0], w2 = one || s.weights.size() < 2 ? 0.0 : s.weights[1];
            const auto line = drawLine(w1, w2, s.bias, QPen(theme::ink(), 3 * scale), QString());
            const double norm = std::hypot(w1, w2);
            if (line && norm > 1e-12) {
                // w is perpendicular to the line and points to the +1 side.
                const QPointF c(0.5, one ? 0.5 : 0.5);
                const double t = -(w1 * c.x() + w2 * c.y() + s.bias) / (norm * norm);
                const QPointF foot(c.x() + t * w1, c.y() + t * w2);
                const QPointF tip(foot.x() + 0.3 * w1 / norm, foot.y() + 0.3 * w2 / norm);
                const QPointF a = map(foot.x(), foot.y()), b = map(tip.x(), tip.y());
                p.setPen(QPen(theme::positive().darker(130), 2.5 * scale));
                p.drawLine(a, b);
                const QLineF shaft(b, a);
                const double angle = std::atan2(shaft.dy(), shaft.dx());
                QPainterPath head;
                head.moveTo(b);
                head.lineTo(b + QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * 12 * scale);
                head.lineTo(b + QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * 12 * scale);
                head.closeSubpath();
                p.fillPath(head, theme::positive().darker(130));
                p.drawText(QRectF(b.x() + 4, b.y() - 22 * scale, 40 * scale, 22 * scale), Qt::AlignLeft, QStringLiteral("w"));
            }
        }

        // The points: fill = label, red ring = classified wrong, gold ring = visited next.
        const double radius = 15 * scale;
        for (std::size_t i = 0; i < s.data.x.size(); ++i) {
            const double x1 = s.data.x[i][0], x2 = one ? 0.0 : s.data.x[i][1];
            const QPointF c = map(x1, x2);
            const int y = s.data.y[i];
            const bool right = fires(x1, x2) == (y > 0);
            if (s.mode == PerceptronMode::Learn && static_cast<int>(i) == s.nextSample) {
                p.setPen(QPen(theme::highlightNext(), 5 * scale));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, radius + 7 * scale, radius + 7 * scale);
            }
            p.setPen(right ? QPen(theme::ink(), 1.5 * scale) : QPen(theme::highlightUsed(), 4 * scale));
            p.setBrush(y > 0 ? theme::positive() : theme::negative());
            p.drawEllipse(c, radius, radius);
            p.setPen(Qt::white);
            QFont bold = font;
            bold.setBold(true);
            p.setFont(bold);
            p.drawText(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                       y > 0 ? QStringLiteral("+") : QStringLiteral("−"));
            p.setFont(font);
        }
    }

private:
    PerceptronView* view_;
};

PerceptronView::PerceptronView(QWidget* parent) : QWidget(parent) {
    plane_ = new PerceptronPlane(this);
    taskLabel_ = new QLabel;
    task_ = new QComboBox;
    for (Gate g : gates()) task_->addItem(gateName(g));
    connect(task_, &QComboBox::activated, this, [this](int index) {
        if (index >= 0 && index < static_cast<int>(gates().size())) emit taskChosen(gates()[static_cast<std::size_t>(index)]);
    });
    etaLabel_ = new QLabel;
    eta_ = new QDoubleSpinBox;
    eta_->setRange(0.01, 100);
    eta_->setDecimals(2);
    eta_->setSingleStep(0.1);
    eta_->setKeyboardTracking(false);
    connect(eta_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!updating_) emit etaEdited(v);
    });
    step_ = new QPushButton;
    epoch_ = new QPushButton;
    run_ = new QPushButton;
    reset_ = new QPushButton;
    connect(step_, &QPushButton::clicked, this, &PerceptronView::stepRequested);
    connect(epoch_, &QPushButton::clicked, this, &PerceptronView::epochRequested);
    connect(run_, &QPushButton::clicked, this, &PerceptronView::runRequested);
    connect(reset_, &QPushButton::clicked, this, &PerceptronView::resetRequested);

    weightsBox_ = new QGroupBox;
    weightsGrid_ = new QGridLayout(weightsBox_);
    for (int i = 0; i < 6; ++i) weightLabels_.push_back(new QLabel);  // 3 column heads, 3 row heads
    for (int c = 0; c < 3; ++c) weightsGrid_->addWidget(weightLabels_[static_cast<std::size_t>(c)], 0, c + 1, Qt::AlignCenter);
    for (int r = 0; r < 3; ++r) {
        weightsGrid_->addWidget(weightLabels_[static_cast<std::size_t>(3 + r)], r + 1, 0);
        for (int c = 0; c < 3; ++c) {
            auto* spin = new QDoubleSpinBox;
            spin->setRange(-100, 100);
            spin->setDecimals(2);
            spin->setSingleStep(0.5);
            spin->setKeyboardTracking(false);
            connect(spin, &QDoubleSpinBox::valueChanged, this, [this] {
                if (updating_) return;
                if (state_.mode == PerceptronMode::Hidden) emitHidden();
                else emitWeights();
            });
            weights_.push_back(spin);
            weightsGrid_->addWidget(spin, r + 1, c + 1);
        }
    }
    table_ = new QLabel;
    table_->setTextFormat(Qt::RichText);
    table_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    status_->setMinimumHeight(60);

    auto* controls = new QVBoxLayout;
    controls_ = controls;
    auto* taskRow = new QHBoxLayout;
    taskRow->addWidget(taskLabel_);
    taskRow->addWidget(task_, 1);
    taskRow->addSpacing(12);
    taskRow->addWidget(etaLabel_);
    taskRow->addWidget(eta_);
    controls->addLayout(taskRow);
    auto* buttons = new QGridLayout;
    buttons->addWidget(step_, 0, 0);
    buttons->addWidget(epoch_, 0, 1);
    buttons->addWidget(run_, 1, 0);
    buttons->addWidget(reset_, 1, 1);
    controls->addLayout(buttons);
    controls->addWidget(weightsBox_);
    controls->addWidget(table_);
    controls->addWidget(status_);
    controls->addStretch(1);

    layout_ = new QBoxLayout(QBoxLayout::LeftToRight, this);
    layout_->setSizeConstraint(QLayout::SetNoConstraint);  // the minimum is minimumSizeHint()
    // The plane is a square drawn in whatever room there is; the controls get the width they
    // need first (their boxes and the truth table must never run off the edge).
    layout_->addWidget(plane_, 1);
    layout_->addLayout(controls, 0);
    setScale(1);
    retranslate();
    updateControls();
}

QWidget* PerceptronView::control(lessons::Control c) const {
    switch (c) {
        case lessons::Control::PerceptronTask: return task_;
        case lessons::Control::PerceptronEta: return eta_;
        case lessons::Control::PerceptronStep: return step_;
        case lessons::Control::PerceptronEpoch: return epoch_;
        case lessons::Control::PerceptronRun: return run_;
        case lessons::Control::PerceptronReset: return reset_;
        case lessons::Control::PerceptronWeights: return weightsBox_;
        default: return nullptr;
    }
}

void PerceptronView::setScale(double scale) {
    scale_ = scale;
    plane_->scale = scale;
    const QFont font = theme::uiFont(13 * scale);
    for (QWidget* w : std::initializer_list<QWidget*>{taskLabel_, task_, etaLabel_, eta_, step_, epoch_, run_, reset_,
                                                      weightsBox_, table_, status_})
        w->setFont(font);
    for (QLabel* l : weightLabels_) l->setFont(font);
    for (QDoubleSpinBox* s : weights_) s->setFont(font);
    for (QPushButton* b : {step_, epoch_, run_, reset_}) b->setMinimumHeight(static_cast<int>(40 * scale));
    weightsGrid_->setHorizontalSpacing(static_cast<int>(6 * scale));
    layout_->setContentsMargins(QMargins(1, 1, 1, 1) * static_cast<int>(std::round(8 * scale)));
    plane_->setMinimumSize(static_cast<int>(240 * std::min(scale, 1.2)), static_cast<int>(240 * std::min(scale, 1.2)));
    plane_->update();
    chooseDirection();
}

void PerceptronView::setState(const State& state) {
    state_ = state;
    updateControls();
    plane_->update();
}

void PerceptronView::updateControls() {
    updating_ = true;
    const auto it = std::find(gates().begin(), gates().end(), state_.data.gate);
    task_->setCurrentIndex(static_cast<int>(it - gates().begin()));
    eta_->setValue(state_.eta);
    const bool learn = state_.mode == PerceptronMode::Learn;
    const bool hidden = state_.mode == PerceptronMode::Hidden;
    const bool one = state_.data.inputs == 1;
    for (QWidget* w : std::initializer_list<QWidget*>{etaLabel_, eta_, step_, epoch_, run_, reset_}) w->setVisible(learn);
    // Row 1: w₁ w₂ b (or h₁); rows 2–3 only for the hidden network.
    std::vector<double> values;
    if (hidden) {
        for (const lessons::ThresholdUnit& u : {state_.hidden.hidden1, state_.hidden.hidden2, state_.hidden.output}) {
            values.push_back(u.w1);
            values.push_back(u.w2);
            values.push_back(u.b);
        }
    } else {
        values = {state_.weights[0], one || state_.weights.size() < 2 ? 0.0 : state_.weights[1], state_.bias};
    }
    for (std::size_t i = 0; i < weights_.size(); ++i) {
        const int row = static_cast<int>(i / 3);
        const bool shown = hidden ? true : row == 0 && !(one && i == 1);
        weights_[i]->setVisible(shown);
        weights_[i]->setReadOnly(learn);
        weights_[i]->setButtonSymbols(learn ? QAbstractSpinBox::NoButtons : QAbstractSpinBox::UpDownArrows);
        if (i < values.size()) weights_[i]->setValue(values[i]);
    }
    weightLabels_[1]->setVisible(hidden || !one);
    weightLabels_[3]->setVisible(hidden);
    weightLabels_[4]->setVisible(hidden);
    weightLabels_[5]->setVisible(hidden);
    weightsBox_->setTitle(hidden ? tr("Threshold units: hidden h₁, h₂ and the output")
                                 : tr("Weights and bias (b = −θ)"));
    table_->setText(truthTable());
    status_->setText(statusText());
    updating_ = false;
    chooseDirection();
}

void PerceptronView::emitWeights() {
    std::vector<double> w{weights_[0]->value()};
    if (state_.data.inputs > 1) w.push_back(weights_[1]->value());
    emit weightsEdited(w, weights_[2]->value());
}

void PerceptronView::emitHidden() {
    lessons::HiddenNetwork net;
    lessons::ThresholdUnit* units[3] = {&net.hidden1, &net.hidden2, &net.output};
    for (int r = 0; r < 3; ++r) {
        units[r]->w1 = weights_[static_cast<std::size_t>(3 * r)]->value();
        units[r]->w2 = weights_[static_cast<std::size_t>(3 * r + 1)]->value();
        units[r]->b = weights_[static_cast<std::size_t>(3 * r + 2)]->value();
    }
    emit hiddenEdited(net);
}

QString PerceptronView::truthTable() const {
    const bool hidden = state_.mode == PerceptronMode::Hidden;
    const bool one = state_.data.inputs == 1;
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='4' style='border-collapse:collapse'><tr>");
    auto head = [&html](const QString& t) { html += QStringLiteral("<th style='border-bottom:1px solid #888'>%1</th>").arg(t); };
    head(QStringLiteral("x₁"));
    if (!one) head(QStringLiteral("x₂"));
    if (hidden) {
        head(QStringLiteral("h₁"));
        head(QStringLiteral("h₂"));
        head(tr("output"));
    } else {
        head(QStringLiteral("wᵀx + b"));
        head(QStringLiteral("ŷ"));
    }
    head(QStringLiteral("y"));
    head(QString());
    html += QStringLiteral("</tr>");
    for (std::size_t i = 0; i < state_.data.x.size(); ++i) {
        const double x1 = state_.data.x[i][0], x2 = state_.data.x[i][1];
        const int y = state_.data.y[i];
        bool right = false;
        html += QStringLiteral("<tr>");
        auto cell = [&html](const QString& t) { html += QStringLiteral("<td align='center'>%1</td>").arg(t); };
        cell(QString::number(x1));
        if (!one) cell(QString::number(x2));
        if (hidden) {
            const auto h = state_.hidden.hidden(x1, x2);
            const int out = state_.hidden.output01(x1, x2);
            cell(QString::number(h[0]));
            cell(QString::number(h[1]));
            cell(QString::number(out));
            cell(QString::number(y > 0 ? 1 : 0));
            right = (out == 1) == (y > 0);
        } else {
            double score = state_.bias + state_.weights[0] * x1;
            if (!one && state_.weights.size() > 1) score += state_.weights[1] * x2;
            const int predicted = score >= 0 ? 1 : -1;
            cell(number(score));
            cell(signedLabel(predicted));
            cell(signedLabel(y));
            right = predicted == y;
        }
        cell(right ? QStringLiteral("<span style='color:#1b7837'>✔</span>")
                   : QStringLiteral("<span style='color:#d62728'>✘</span>"));
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

QString PerceptronView::statusText() const {
    const QString gate = gateName(state_.data.gate);
    if (state_.mode != PerceptronMode::Learn) {
        int wrong = 0;
        for (std::size_t i = 0; i < state_.data.x.size(); ++i) {
            const double x1 = state_.data.x[i][0], x2 = state_.data.x[i][1];
            bool fires = false;
            if (state_.mode == PerceptronMode::Hidden) {
                fires = state_.hidden.output01(x1, x2) == 1;
            } else {
                double score = state_.bias + state_.weights[0] * x1;
                if (state_.data.inputs > 1 && state_.weights.size() > 1) score += state_.weights[1] * x2;
                fires = score >= 0;
            }
            if (fires != (state_.data.y[i] > 0)) ++wrong;
        }
        // A single neuron set by hand is the M-P neuron; with a hidden layer it is a network.
        if (wrong == 0)
            return state_.mode == PerceptronMode::Hidden ? tr("<b>✔ The network computes %1.</b>").arg(gate)
                                                         : tr("<b>✔ The M-P neuron computes %1.</b>").arg(gate);
        return wrong == 0 ? QString()
                          : tr("✘ %1 of %2 points are on the wrong side for %3.")
                                .arg(wrong)
                                .arg(state_.data.x.size())
                                .arg(gate);
    }
    QString text = tr("Epoch %1 · %2 updates").arg(state_.epochs).arg(state_.updates);
    if (state_.last) {
        const lessons::PerceptronUpdate& u = *state_.last;
        const auto& x = state_.data.x[static_cast<std::size_t>(u.sample)];
        const int y = state_.data.y[static_cast<std::size_t>(u.sample)];
        const QString point = state_.data.inputs == 1 ? QStringLiteral("(%1)").arg(x[0])
                                                      : QStringLiteral("(%1, %2)").arg(x[0]).arg(x[1]);
        QString w = number(u.weightsAfter[0]);
        for (std::size_t k = 1; k < u.weightsAfter.size(); ++k) w += QStringLiteral(", ") + number(u.weightsAfter[k]);
        text += QStringLiteral("<br>");
        if (u.mistake)
            text += tr("Sample %1, y = %2: y(wᵀx + b) = %3 ≤ 0, a mistake → w ← w + ηyx = (%4), "
                       "b ← b + ηy = %5")
                        .arg(point, signedLabel(y), number(y * u.score), w, number(u.biasAfter));
        else
            text += tr("Sample %1, y = %2: y(wᵀx + b) = %3 > 0, right: no change")
                        .arg(point, signedLabel(y), number(y * u.score));
    }
    if (state_.converged)
        text += QStringLiteral("<br><b>") + tr("Converged: a whole epoch without a mistake.") + QStringLiteral("</b>");
    else if (state_.gaveUp)
        text += QStringLiteral("<br><b>") +
                tr("No convergence after %1 epochs: no line separates these classes.").arg(state_.runLimit) +
                QStringLiteral("</b>");
    return text;
}

void PerceptronView::retranslate() {
    taskLabel_->setText(tr("Task"));
    etaLabel_->setText(tr("η"));
    eta_->setToolTip(tr("Learning rate of the rule: w ← w + η y x"));
    step_->setText(tr("One sample"));
    step_->setToolTip(tr("Visit the next sample (ringed in gold) with the learning rule"));
    epoch_->setText(tr("One epoch"));
    epoch_->setToolTip(tr("Visit the remaining samples of this pass"));
    run_->setText(tr("Run"));
    run_->setToolTip(tr("Epochs until one has no mistake (at most 100)"));
    reset_->setText(tr("Reset"));
    reset_->setToolTip(tr("Back to the starting weights"));
    weightLabels_[0]->setText(QStringLiteral("w₁"));
    weightLabels_[1]->setText(QStringLiteral("w₂"));
    weightLabels_[2]->setText(QStringLiteral("b"));
    weightLabels_[3]->setText(QStringLiteral("h₁"));
    weightLabels_[4]->setText(QStringLiteral("h₂"));
    weightLabels_[5]->setText(tr("out"));
    setToolTip(tr("Blue: the side where the neuron fires (+1); orange: where it does not (−1)."));
    updateControls();
}

void PerceptronView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    chooseDirection();
}

QSize PerceptronView::minimumSizeHint() const {
    const QMargins m = layout_->contentsMargins();
    const QSize controls = controls_->minimumSize();
    return {std::max(plane_->minimumWidth(), controls.width()) + m.left() + m.right(),
            std::max(plane_->minimumHeight(), controls.height()) + m.top() + m.bottom()};
}

void PerceptronView::chooseDirection() {
    // Side by side when the plane (at its smallest) and the controls fit next to each other and
    // the view is not clearly taller than wide (a narrow dock); else the controls go below.
    const QMargins m = layout_->contentsMargins();
    const int needed = plane_->minimumWidth() + controls_->minimumSize().width() + layout_->spacing() + m.left() + m.right();
    const bool side = width() >= needed && width() >= 0.9 * height();
    const auto direction = side ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (layout_->direction() != direction) layout_->setDirection(direction);
}

void PerceptronView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace ns

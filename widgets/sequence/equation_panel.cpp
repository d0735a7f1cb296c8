#include "equation_panel.h"

#include "common/theme.h"
#include "sequence/sequence_style.h"

#include <QEvent>
#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

EquationPanel::EquationPanel(QWidget* parent) : QWidget(parent), label_(new QLabel(this)) {
    label_->setObjectName(QStringLiteral("sequenceEquations"));
    label_->setTextFormat(Qt::RichText);
    label_->setWordWrap(true);
    label_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(label_);
    refresh();
}

QString EquationPanel::number(double v) {
    if (!std::isfinite(v)) return QStringLiteral("∞");
    QString s = QString::number(v, 'f', 3);
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}

void EquationPanel::setPicture(const SequencePicture& picture) {
    picture_ = picture;
    refresh();
}

void EquationPanel::setPresenterScale(double scale) {
    scale_ = scale;
    refresh();
}

void EquationPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) refresh();
    QWidget::changeEvent(event);
}

QString EquationPanel::plainText() const {
    QTextDocument doc;
    doc.setHtml(label_->text());
    return doc.toPlainText();
}

void EquationPanel::refresh() {
    label_->setFont(theme::mathFont(13 * scale_));
    if (!picture_.valid()) {
        label_->setText(tr("Click a step of the unrolled network to see its equations."));
        return;
    }
    const int t = picture_.selectedStep;
    const auto ts = static_cast<std::size_t>(t);
    const auto j = static_cast<std::size_t>(picture_.selectedUnit);
    auto at = [&](const std::vector<std::vector<double>>& rows, int step) {
        return step < 0 ? 0.0 : rows.at(static_cast<std::size_t>(step)).at(j);
    };
    auto gate = [&](const char* key) {
        const SequenceGate* g = picture_.gate(QString::fromLatin1(key));
        return g ? g->values.at(ts).at(j) : std::nan("");
    };
    auto n = [](double v) { return number(v); };
    auto p = [](double v) {  // a factor in a product: negative numbers in brackets
        const QString s = number(v);
        return v < 0 ? QStringLiteral("(%1)").arg(s) : s;
    };
    const QString hPrev = t == 0 ? QStringLiteral("h₀") : QStringLiteral("hₜ₋₁");
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>")
                 .arg(tr("Step t = %1, unit j = %2 (%3)")
                          .arg(t + 1)
                          .arg(picture_.selectedUnit + 1)
                          .arg(sequence_style::cellName(static_cast<int>(picture_.cell))));
    const QString input = t < picture_.inputs.size() ? picture_.inputs.at(t) : QString();
    lines << tr("x<sub>t</sub> = %1, &nbsp; %2 = %3").arg(input, hPrev, n(at(picture_.h, t - 1)));
    const double h = at(picture_.h, t);
    switch (picture_.cell) {
        case SequencePicture::Cell::Rnn:
            lines << QStringLiteral("h<sub>t</sub> = tanh(W<sub>h</sub> h<sub>t−1</sub> + W<sub>x</sub> x<sub>t</sub> + "
                                    "b<sub>h</sub>) = <b>%1</b> &nbsp;<i>(52)</i>")
                         .arg(n(h));
            break;
        case SequencePicture::Cell::Lstm: {
            const double f = gate("f"), i = gate("i"), ct = gate("C_tilde"), o = gate("o");
            const double c = picture_.c.empty() ? std::nan("") : at(picture_.c, t);
            const double cPrev = picture_.c.empty() ? std::nan("") : at(picture_.c, t - 1);
            lines << QStringLiteral("f<sub>t</sub> = σ(W<sub>f</sub>[h<sub>t−1</sub>, x<sub>t</sub>] + b<sub>f</sub>) = <b>%1</b>").arg(n(f));
            lines << QStringLiteral("i<sub>t</sub> = σ(W<sub>i</sub>[h<sub>t−1</sub>, x<sub>t</sub>] + b<sub>i</sub>) = <b>%1</b>").arg(n(i));
            lines << QStringLiteral("C̃<sub>t</sub> = tanh(W<sub>C</sub>[h<sub>t−1</sub>, x<sub>t</sub>] + b<sub>C</sub>) = <b>%1</b>").arg(n(ct));
            lines << QStringLiteral("C<sub>t</sub> = f<sub>t</sub> ⊙ C<sub>t−1</sub> + i<sub>t</sub> ⊙ C̃<sub>t</sub> = %1 · %2 + %3 · %4 = <b>%5</b>")
                         .arg(p(f), p(cPrev), p(i), p(ct), n(c));
            lines << QStringLiteral("o<sub>t</sub> = σ(W<sub>o</sub>[h<sub>t−1</sub>, x<sub>t</sub>] + b<sub>o</sub>) = <b>%1</b>").arg(n(o));
            lines << QStringLiteral("h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(C<sub>t</sub>) = %1 · tanh(%2) = <b>%3</b>")
                         .arg(p(o), n(c), n(h));
            break;
        }
        case SequencePicture::Cell::Gru: {
            const double z = gate("z"), r = gate("r"), ht = gate("h_tilde");
            const double prev = at(picture_.h, t - 1);
            lines << QStringLiteral("z<sub>t</sub> = σ(W<sub>z</sub>[h<sub>t−1</sub>, x<sub>t</sub>] + b<sub>z</sub>) = <b>%1</b>").arg(n(z));
            lines << QStringLiteral("r<sub>t</sub> = σ(W<sub>r</sub>[h<sub>t−1</sub>, x<sub>t</sub>] + b<sub>r</sub>) = <b>%1</b>").arg(n(r));
            lines << QStringLiteral("h̃<sub>t</sub> = tanh(W[r<sub>t</sub> ⊙ h<sub>t−1</sub>, x<sub>t</sub>] + b) = <b>%1</b>").arg(n(ht));
            lines << QStringLiteral("h<sub>t</sub> = (1 − z<sub>t</sub>) ⊙ h<sub>t−1</sub> + z<sub>t</sub> ⊙ h̃<sub>t</sub> = "
                                    "(1 − %1) · %2 + %1 · %3 = <b>%4</b>")
                         .arg(n(z), p(prev), p(ht), n(h));
            break;
        }
    }
    if (!picture_.gradH.empty() && ts < picture_.gradH.size()) {
        auto g = [](double v) {  // gradients are small: three significant digits
            QString text = QString::number(v, 'g', 3);
            if (text.startsWith(QLatin1Char('-'))) text.replace(0, 1, QStringLiteral("−"));
            return text;
        };
        QString grad = QStringLiteral("∂L/∂h<sub>t</sub> = %1").arg(g(picture_.gradH[ts].at(j)));
        if (ts < picture_.gradNorm.size())
            grad += QStringLiteral(" · ‖∂L/∂h<sub>t</sub>‖ = %1").arg(QString::number(picture_.gradNorm[ts], 'g', 4));
        if (!picture_.gradC.empty() && ts < picture_.gradC.size())
            grad += QStringLiteral(" · ∂L/∂C<sub>t</sub> = %1").arg(g(picture_.gradC[ts].at(j)));
        lines << grad;
    }
    if (!picture_.target.isEmpty())
        lines << tr("target %1 · network answers %2").arg(picture_.target, picture_.prediction);
    label_->setText(lines.join(QStringLiteral("<br>")));
}

}  // namespace ns

#include "bellman_panel.h"

#include "common/theme.h"

#include <QEvent>
#include <QLabel>
#include <QStringList>
#include <QTextDocument>
#include <QVBoxLayout>

#include <cmath>

namespace ns {

BellmanPanel::BellmanPanel(QWidget* parent) : QWidget(parent), label_(new QLabel(this)) {
    label_->setObjectName(QStringLiteral("gridworldBellman"));
    label_->setTextFormat(Qt::RichText);
    label_->setWordWrap(true);
    label_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(label_);
    layout->addStretch(1);
    refresh();
}

QString BellmanPanel::number(double v) {
    if (!std::isfinite(v)) return QStringLiteral("∞");
    QString s = QString::number(v, 'f', 3);
    if (s == QLatin1String("-0.000")) s = QStringLiteral("0.000");
    if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QStringLiteral("−"));
    return s;
}

QString BellmanPanel::actionArrow(int action) {
    static const char16_t* arrows[rl::kActions] = {u"↑", u"↓", u"←", u"→"};
    return action >= 0 && action < rl::kActions ? QString::fromUtf16(arrows[action]) : QString();
}

QString BellmanPanel::actionName(int action) const {
    switch (action) {
        case rl::Up: return tr("up");
        case rl::Down: return tr("down");
        case rl::Left: return tr("left");
        case rl::Right: return tr("right");
        default: return QString();
    }
}

QString BellmanPanel::cellName(int state, int cols) const {
    return tr("(row %1, column %2)").arg(state / cols + 1).arg(state % cols + 1);
}

void BellmanPanel::setBackup(const Backup& backup) {
    backup_ = backup;
    showComparison_ = false;
    refresh();
}

void BellmanPanel::setComparison(const QComparison& comparison) {
    comparison_ = comparison;
    showComparison_ = true;
    refresh();
}

void BellmanPanel::setPresenterScale(double scale) {
    scale_ = scale;
    refresh();
}

void BellmanPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) refresh();
    QWidget::changeEvent(event);
}

QString BellmanPanel::plainText() const {
    QTextDocument doc;
    doc.setHtml(label_->text());
    return doc.toPlainText();
}

void BellmanPanel::refresh() {
    label_->setFont(theme::mathFont(12.5 * scale_));
    if (showComparison_) {
        const QComparison& c = comparison_;
        if (c.state < 0) {
            label_->setText(tr("Click a cell to compare the learned Q(s, a) with value iteration's Q*(s, a)."));
            return;
        }
        QString html = tr("<b>Cell %1</b>").arg(cellName(c.state, c.cols));
        html += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th></th><th align='right'>%1</th>"
                               "<th align='right'>%2</th></tr>")
                    .arg(tr("learned Q(s,a)"), tr("Q*(s,a)"));
        for (int a = 0; a < rl::kActions; ++a) {
            const auto i = static_cast<std::size_t>(a);
            const bool greedy = a == c.greedyLearned;
            html += QStringLiteral("<tr><td>%1 %2</td><td align='right'>%3%4%5</td><td align='right'>%6</td></tr>")
                        .arg(actionArrow(a), actionName(a), greedy ? QStringLiteral("<b>") : QString(),
                             number(c.learned[i]), greedy ? QStringLiteral("</b>") : QString(), number(c.optimal[i]));
        }
        html += QStringLiteral("</table>");
        html += c.learnedIsOptimal ? tr("The learned greedy action %1 is optimal here.").arg(actionArrow(c.greedyLearned))
                                   : tr("The learned greedy action %1 is not optimal yet.").arg(actionArrow(c.greedyLearned));
        label_->setText(html);
        return;
    }
    const Backup& b = backup_;
    if (b.state < 0) {
        label_->setText(tr("Click a cell (not a wall, goal or pit) to see its Bellman backup with the numbers substituted."));
        return;
    }
    QString html = tr("<b>Cell %1</b>, from the sweep k = %2:").arg(cellName(b.state, b.cols)).arg(b.k);
    html += QStringLiteral("<br>V<sub>k+1</sub>(s) = max<sub>a</sub> Σ<sub>s′</sub> P(s′|s,a) [R + γ V<sub>k</sub>(s′)]");
    html += QStringLiteral("<br>γ = %1<br>").arg(number(b.gamma));
    // One row per term: the action, P(s′|s,a)·[R + γ·V_k(s′)], and the sum on the action's last row.
    html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    for (const BackupAction& action : b.actions) {
        const bool best = action.action == b.best;
        const QString open = best ? QStringLiteral("<b>") : QString(), close = best ? QStringLiteral("</b>") : QString();
        for (std::size_t i = 0; i < action.terms.size(); ++i) {
            const BackupTerm& t = action.terms[i];
            // A negative V_k(s′) in parentheses, so "γ·(−0.187)" never reads as a subtraction.
            const QString value = t.value < 0 && number(t.value).startsWith(QStringLiteral("−"))
                                      ? QStringLiteral("(%1)").arg(number(t.value))
                                      : number(t.value);
            const QString term = QStringLiteral("%1%2·[%3 + %4·%5]")
                                     .arg(i == 0 ? QString() : QStringLiteral("+ "), number(t.probability), number(t.reward),
                                          number(b.gamma), value);
            const QString name = i == 0 ? QStringLiteral("%1 %2").arg(actionArrow(action.action), actionName(action.action)) : QString();
            const QString sum = i + 1 == action.terms.size() ? QStringLiteral("= %1").arg(number(action.q)) : QString();
            html += QStringLiteral("<tr><td style='white-space:nowrap'>%1%2%3</td><td style='white-space:nowrap'>&nbsp;%1%4%3</td><td style='white-space:nowrap'>&nbsp;%1%5%3</td></tr>")
                        .arg(open, name, close, term, sum);
        }
    }
    html += QStringLiteral("</table>");
    html += tr("V<sub>%1</sub>(s) = max = <b>%2</b> (%3 %4)")
                .arg(b.k + 1)
                .arg(number(b.value), actionArrow(b.best), actionName(b.best));
    label_->setText(html);
}

}  // namespace ns

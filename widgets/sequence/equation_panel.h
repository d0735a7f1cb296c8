#pragma once
// The selected step's equations (seed 001 eq. 52, 54–59; seed 002's GRU) with the numbers of the
// selected unit substituted — every number a value of the trace the picture holds, as the
// backprop inspector of the network view shows its events.
#include "sequence/sequence_picture.h"

#include <QWidget>

class QLabel;

namespace ns {

class EquationPanel : public QWidget {
    Q_OBJECT
public:
    explicit EquationPanel(QWidget* parent = nullptr);
    void setPicture(const SequencePicture& picture);
    void setPresenterScale(double scale);
    QString plainText() const;  // what the panel shows, without markup (tests)
    static QString number(double v);  // the panel's format: three decimals, a real minus sign

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QLabel* label_;
    SequencePicture picture_;
    double scale_ = 1.0;
};

}  // namespace ns

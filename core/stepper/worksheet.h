#pragma once
// A printable worked example of one training step: the stepper's events written out as an
// exercise (the formulas, values left blank) followed by its solution (the numbers substituted),
// in Markdown with LaTeX formulas; and every given and intermediate value as CSV at full
// precision. The numbers are the stepper's, so the handout matches the class demo exactly.
#include "stepper/backprop_steps.h"

#include <string>

namespace ns {

enum class WorksheetLanguage { English, SimplifiedChinese };

std::string worksheetMarkdown(const BackpropSteps& steps, WorksheetLanguage language);

// Columns: step,phase,quantity,symbol,layer,unit,input,sample,value. Given values have step 0
// and phase "given"; unit, input and sample are 1-based and empty where they do not apply;
// value is written with 17 significant digits (it reads back as the same double).
std::string worksheetCsv(const BackpropSteps& steps);

}  // namespace ns

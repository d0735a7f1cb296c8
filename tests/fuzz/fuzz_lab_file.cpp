// libFuzzer target for the lab's save files (app/lab/lab_file.cpp, LabModel::readSaved, the
// reading half of LabModel::load): any bytes must come back as a complete lab or as a message
// that names the file and the field, never as a crash, a hang, an exception or undefined
// behaviour.
//   ctest -R fuzz_lab_file runs it for 15 s (tests/fuzz/CMakeLists.txt); README, "Fuzzing".
#include "lab/lab_model.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    ns::LabModel::Saved saved;
    QString error;
    const bool ok = ns::LabModel::readSaved(bytes, QStringLiteral("fuzz.json"), &saved, &error);
    if (ok != error.isEmpty()) __builtin_trap();
    if (!ok) {
        if (!error.startsWith(QStringLiteral("fuzz.json: "))) __builtin_trap();
        if (qEnvironmentVariableIsSet("NEURALSCOPE_FUZZ_VERBOSE")) qWarning("%s", qPrintable(error));
        return 0;
    }
    const ns::LabData& d = saved.data;
    if (d.size() < 2 || d.labels.size() != d.size() || static_cast<Eigen::Index>(d.isTest.size()) != d.size())
        __builtin_trap();
    const std::vector<int> sizes = ns::LabModel::layerSizesFor(saved.config, d);
    if (saved.initial.sizes() != sizes || saved.state.network.sizes() != sizes) __builtin_trap();
    return 0;
}

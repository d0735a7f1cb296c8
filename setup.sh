#!/usr/bin/env bash
# Installs what is missing (Debian bookworm), builds, then starts the app or runs the tests.
#   bash setup.sh run [APP OPTIONS]   build (release) and start NeuralScope
#   bash setup.sh test                build (release) and run the whole test suite headless
#   bash setup.sh bench               build and compare the core with NumPy and PyTorch
#   bash setup.sh package             build for any machine of this architecture (preset package:
#                                     -DNEURALSCOPE_NATIVE=OFF), make build/package/neuralscope_*.deb
# NEURALSCOPE_PRESET=debug|asan picks another CMake preset (default: release).
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-run}
[ $# -gt 0 ] && shift
preset=${NEURALSCOPE_PRESET:-release}
[ "$mode" = package ] && preset=package

packages=(g++ cmake ninja-build pkg-config qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools libqcustomplot-dev libqcustomplot2.1-qt6 libeigen3-dev nlohmann-json3-dev
          python3 python3-numpy xvfb xauth fonts-noto-cjk libyaml-cpp-dev nodejs
          clang libclang-rt-14-dev zlib1g-dev dataset-fashion-mnist
          librsvg2-bin desktop-file-utils appstream dpkg-dev)
[ "$mode" = bench ] && packages+=(python3-torch)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# npm installs MathJax for the lessons' formulas; some Node.js packages bring their own npm.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "setup.sh: these Debian packages are missing. Install them, then run this again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

case "$mode" in
  run)
    app="build/$preset/app/neuralscope"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup.sh: no display found; starting NeuralScope on a virtual one (xvfb-run)." >&2
      exec xvfb-run -a "$app" "$@"
    fi
    exec "$app" "$@"
    ;;
  test)
    exec ctest --preset "$preset"
    ;;
  bench)
    exec cmake --build --preset "$preset" --target bench
    ;;
  package)
    (cd "build/$preset" && cpack -G DEB)
    ls "build/$preset"/neuralscope_*.deb
    ;;
  *)
    echo "setup.sh: unknown mode '$mode' (expected run, test, bench or package)" >&2
    exit 2
    ;;
esac

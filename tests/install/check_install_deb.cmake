# `cpack -G DEB` from the build tree's CPackConfig.cmake into WORK (the build tree is only read),
# then the .deb's control fields, its file list, and its contents unpacked with dpkg-deb into
# WORK/root, checked and run there (installed_tree.cmake).
cmake_minimum_required(VERSION 3.21)
include(${CMAKE_CURRENT_LIST_DIR}/installed_tree.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
run_checked("cpack -G DEB" ${CPACK} -G DEB --config ${BUILD}/CPackConfig.cmake -B ${WORK}/cpack)

execute_process(COMMAND ${DPKG} --print-architecture OUTPUT_VARIABLE arch OUTPUT_STRIP_TRAILING_WHITESPACE)
set(deb ${WORK}/cpack/neuralscope_${VERSION}_${arch}.deb)
if(NOT EXISTS ${deb})
  file(GLOB made ${WORK}/cpack/*.deb)
  message(FATAL_ERROR "expected ${deb}, found: ${made}")
endif()

run_checked("dpkg-deb -I" ${DPKG_DEB} -I ${deb})
set(info "${run_output}")
foreach(field IN ITEMS "Package: neuralscope" "Version: ${VERSION}" "Architecture: ${arch}"
                       "Section: education" "Maintainer: " "Description: See a neural network learn\n"
                       "Recommends: fonts-noto-cjk")
  string(FIND "${info}" " ${field}" at)
  if(at LESS 0)
    message(FATAL_ERROR "dpkg-deb -I: expected the field \"${field}\"")
  endif()
endforeach()
# The libraries found by dpkg-shlibdeps, and the Qt platform plugins that it cannot see.
execute_process(COMMAND ${DPKG_DEB} -f ${deb} Depends OUTPUT_VARIABLE depends OUTPUT_STRIP_TRAILING_WHITESPACE)
foreach(package IN ITEMS libqt6widgets6 libqt6svg6 libqcustomplot2.1-qt6 libyaml-cpp libgomp1 libstdc++6 qt6-qpa-plugins)
  string(FIND "${depends}" "${package}" at)
  if(at LESS 0)
    message(FATAL_ERROR "the .deb's Depends lacks ${package}: ${depends}")
  endif()
endforeach()
message(STATUS "Depends: ${depends}")

# Everything lies under /usr, and nothing is left from the build or the staging folder.
run_checked("dpkg-deb -c" ${DPKG_DEB} -c ${deb})
string(REPLACE "\n" ";" listing "${run_output}")
foreach(line IN LISTS listing)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES " \\./(usr/.*)?$")
    message(FATAL_ERROR "the .deb installs outside /usr: ${line}")
  endif()
endforeach()

run_checked("dpkg-deb -x" ${DPKG_DEB} -x ${deb} ${WORK}/root)
check_installed_tree(${WORK}/root/usr)

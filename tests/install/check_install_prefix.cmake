# `cmake --install BUILD --prefix WORK/root/usr`, then every installed file checked and run
# (installed_tree.cmake).
cmake_minimum_required(VERSION 3.21)
include(${CMAKE_CURRENT_LIST_DIR}/installed_tree.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
run_checked("cmake --install" ${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/root/usr)
check_installed_tree(${WORK}/root/usr)

# Emscripten toolchain for the JS package's module: Debian's platform file,
# plus NODE_PATH for emcc. Debian's emcc runs Node scripts that need acorn from
# /usr/share/nodejs and fails without it; setting it here (for configure-time
# checks) and as a launcher (for every compile and link) keeps it out of the
# user's shell.
set(ENV{NODE_PATH} "/usr/share/nodejs")
set(CMAKE_C_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
set(CMAKE_C_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
include(/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake)

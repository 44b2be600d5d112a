# CMake has no built-in WASI platform; this one says what it is: static
# executables with a .wasm suffix and no shared libraries.
set(WASI 1)
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)

# The fuzz targets (tests/fuzz), each a few seconds on its seed corpus: scripts/fuzz builds them
# with clang into build/fuzz (already built by scripts/test) and fails on any crash. Skipped
# (exit 77) with a message when clang or libFuzzer is not installed. Not in the sanitizer build's
# run: the targets are ASan + UBSan builds already.
if(NOT SITMAP_SANITIZE)
    add_test(NAME fuzz_smoke COMMAND /bin/bash ${PROJECT_SOURCE_DIR}/scripts/fuzz --time 2)
    set_tests_properties(fuzz_smoke PROPERTIES LABELS fuzz TIMEOUT 1800 SKIP_RETURN_CODE 77
                         ENVIRONMENT "SITMAP_SEEDS_DIR=${SITMAP_SEEDS_DIR}")
endif()

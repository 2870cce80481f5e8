# The bad-input corpus (tests/fixtures/bad/cases.tsv: each file with its exit code and message
# fragment) and the full-disk and /dev/full checks, run against the sitmap binary.
add_test(NAME bad_inputs
         COMMAND /bin/bash ${CMAKE_CURRENT_SOURCE_DIR}/bad/run $<TARGET_FILE:sitmap>
                 ${CMAKE_CURRENT_SOURCE_DIR}/fixtures)
set_tests_properties(bad_inputs PROPERTIES LABELS cli TIMEOUT 900
                     ENVIRONMENT "SITMAP_SEEDS_DIR=${SITMAP_SEEDS_DIR}")

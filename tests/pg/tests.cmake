# The PostGIS event store against a real PostgreSQL: pg_cluster.sh starts a throw-away cluster
# (initdb into the build tree as the postgres user, its own free port on 127.0.0.1), the tests in
# test_pg_store.cpp each use a database of their own in it, and the cleanup fixture stops the
# cluster whatever the tests did (ctest runs FIXTURES_CLEANUP after failures too). Labelled slow:
# not run again under the sanitizers.
set(SITMAP_PG_DIR ${CMAKE_CURRENT_BINARY_DIR}/pg_cluster)
add_test(NAME pg_cluster_start
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/pg_cluster.sh start ${SITMAP_PG_DIR})
add_test(NAME pg_cluster_stop
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/pg_cluster.sh stop ${SITMAP_PG_DIR})
set_tests_properties(pg_cluster_start PROPERTIES FIXTURES_SETUP pg_cluster LABELS slow)
set_tests_properties(pg_cluster_stop PROPERTIES FIXTURES_CLEANUP pg_cluster LABELS slow)

add_executable(sitmap_tests_pg ${CMAKE_CURRENT_LIST_DIR}/test_pg_store.cpp)
target_include_directories(sitmap_tests_pg PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(sitmap_tests_pg PRIVATE nlohmann_json::nlohmann_json GTest::gtest
                                              GTest::gtest_main)
target_compile_definitions(sitmap_tests_pg PRIVATE
    SITMAP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SITMAP_SEEDS_DIR="${SITMAP_SEEDS_DIR}"
    SITMAP_FIXTURES_DIR="${CMAKE_CURRENT_LIST_DIR}/../fixtures"
    SITMAP_BINARY="$<TARGET_FILE:sitmap>")
add_dependencies(sitmap_tests_pg sitmap)
sitmap_set_warnings(sitmap_tests_pg)
gtest_discover_tests(sitmap_tests_pg DISCOVERY_TIMEOUT 60 TEST_PREFIX pg.
                     PROPERTIES LABELS slow FIXTURES_REQUIRED pg_cluster
                                ENVIRONMENT SITMAP_PG_DIR=${SITMAP_PG_DIR}
                     WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})

# QGIS (python3-qgis, headless) opens the live project of a store (export --live), sees a later
# load after re-reading the layer, and the plugin renders the PostGIS layer. Slow: starts QGIS.
add_test(NAME pg_qgis_live_project
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/../qgis/check_pg_project.py
                 $<TARGET_FILE:sitmap> ${SITMAP_SEEDS_DIR} ${SITMAP_PG_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/pg_qgis_out)
set_tests_properties(pg_qgis_live_project PROPERTIES LABELS slow FIXTURES_REQUIRED pg_cluster
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SITMAP_DATA=${SITMAP_DATA_DIR}")

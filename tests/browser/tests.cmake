# The report page in a real browser: Debian's headless Chromium driven by playwright-core, which
# npm installs at the exact version of package-lock.json into the build tree (no browser download).
set(SITMAP_BROWSER_NODE_DIR ${CMAKE_CURRENT_BINARY_DIR}/browser_node)
add_test(NAME browser_node_setup
         COMMAND sh -c "mkdir -p '${SITMAP_BROWSER_NODE_DIR}' && \
cp '${CMAKE_CURRENT_LIST_DIR}/package.json' '${CMAKE_CURRENT_LIST_DIR}/package-lock.json' \
'${CMAKE_CURRENT_LIST_DIR}/check_report.mjs' '${CMAKE_CURRENT_LIST_DIR}/click_marks.mjs' \
'${CMAKE_CURRENT_LIST_DIR}/interact_report.mjs' '${CMAKE_CURRENT_LIST_DIR}/check_escaping.mjs' \
'${CMAKE_CURRENT_LIST_DIR}/harness.mjs' \
'${SITMAP_BROWSER_NODE_DIR}/' && \
cd '${SITMAP_BROWSER_NODE_DIR}' && npm ci --no-audit --no-fund --ignore-scripts")
set_tests_properties(browser_node_setup PROPERTIES LABELS slow FIXTURES_SETUP browser_node)
add_test(NAME browser_report_page
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_browser_check.sh $<TARGET_FILE:sitmap>
                 ${SITMAP_SEEDS_DIR} ${CMAKE_CURRENT_BINARY_DIR}/browser_out
                 ${SITMAP_BROWSER_NODE_DIR})
set_tests_properties(browser_report_page PROPERTIES LABELS slow FIXTURES_REQUIRED browser_node
                     ENVIRONMENT "SITMAP_DATA=${SITMAP_DATA_DIR}")

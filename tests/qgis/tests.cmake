# QGIS (Debian python3-qgis, headless) opens the exported project and GeoPackage; GDAL's tools
# validate the GeoJSON and GeoPackage. Slow: starts QGIS twice.
add_test(NAME qgis_export_project
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_qgis_check.sh $<TARGET_FILE:sitmap>
                 ${SITMAP_SEEDS_DIR} ${CMAKE_CURRENT_BINARY_DIR}/qgis_out)
set_tests_properties(qgis_export_project PROPERTIES LABELS slow
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SITMAP_DATA=${SITMAP_DATA_DIR}")
# The QGIS plugin (integrations/qgis/sitmap): scripts/build-qgis-plugin makes the same zip twice;
# installed from that zip as QGIS installs it, its Processing algorithms extract the seed article's
# events (styled layer in the project) and render maps in a headless QGIS. Slow: starts QGIS.
add_test(NAME qgis_plugin_zip
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_plugin_zip.py
                 ${PROJECT_SOURCE_DIR}/scripts/build-qgis-plugin
                 ${CMAKE_CURRENT_BINARY_DIR}/qgis_plugin)
set_tests_properties(qgis_plugin_zip PROPERTIES FIXTURES_SETUP qgis_plugin_zip)
add_test(NAME qgis_plugin
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_plugin.py $<TARGET_FILE:sitmap>
                 ${SITMAP_SEEDS_DIR}
                 --zip ${CMAKE_CURRENT_BINARY_DIR}/qgis_plugin/sitmap-qgis-plugin.zip
                 --out ${CMAKE_CURRENT_BINARY_DIR}/qgis_plugin)
set_tests_properties(qgis_plugin PROPERTIES LABELS slow FIXTURES_REQUIRED qgis_plugin_zip
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SITMAP_DATA=${SITMAP_DATA_DIR}")

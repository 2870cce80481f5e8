# QGIS (Debian python3-qgis, headless) opens the exported project and GeoPackage; GDAL's tools
# validate the GeoJSON and GeoPackage. Slow: starts QGIS twice.
add_test(NAME qgis_export_project
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_qgis_check.sh $<TARGET_FILE:sitmap>
                 ${SITMAP_SEEDS_DIR} ${CMAKE_CURRENT_BINARY_DIR}/qgis_out)
set_tests_properties(qgis_export_project PROPERTIES LABELS slow
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SITMAP_DATA=${SITMAP_DATA_DIR}")

# The curated village tables (data/curated/border_villages.csv, heights.csv, villages/*.csv) pass
# the data checker: exact columns (a stray comma fails), ids, coordinates in the region, no two
# entries within 300 m sharing a name. Needs only Debian's python3 (no GDAL without --border).
add_test(NAME data_check_villages
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/data/check_villages.py)
set_tests_properties(data_check_villages PROPERTIES LABELS data)
# Villages within 3 km of the Armenia-Azerbaijan line (at least 30 a side) and the named border
# villages (Kornidzor, Tegh, Voskepar, Kheyrimli, Sadarak, the exclaves...) lie inside the
# polygon of their own country.
add_test(NAME data_border_side
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/data/check_border_side.py)
set_tests_properties(data_border_side PROPERTIES LABELS data)

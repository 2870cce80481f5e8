# The gold files of the development corpus are well-formed (schema, values, spans within the
# stated length). With the texts beside the clone, `scripts/corpus check --texts ...` checks more.
add_test(NAME corpus_gold_valid COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/corpus check)
set_tests_properties(corpus_gold_valid PROPERTIES LABELS data)

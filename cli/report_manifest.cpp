#include "cli/report_manifest.hpp"

#include "geo/core/error.hpp"
#include "geo/core/event.hpp"
#include "geo/io/vector_io.hpp"

namespace sitmap::cli {

namespace {

// True when `p`, resolved (symbolic links and `..` included), lies inside `dir`.
bool is_inside(const std::filesystem::path& dir, const std::filesystem::path& p) {
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::weakly_canonical(dir, ec);
    if (ec) {
        return false;
    }
    const std::filesystem::path full = std::filesystem::weakly_canonical(p, ec);
    if (ec) {
        return false;
    }
    auto b = base.begin();
    auto f = full.begin();
    for (; b != base.end(); ++b, ++f) {
        if (f == full.end() || *b != *f) {
            return false;
        }
    }
    return f != full.end();
}

} // namespace

std::vector<ReportInput> read_manifest(const std::filesystem::path& csv, ManifestScope scope) {
    geo::CsvTable table;
    try {
        table = geo::read_csv_table(csv);
    } catch (const Error&) {
        throw input_error(csv.string() + ": cannot read the manifest as CSV");
    }
    const auto file_column = table.column("file");
    const auto date_column = table.column("published");
    if (!file_column || !date_column) {
        throw input_error(csv.string() + ": the manifest needs a header line 'file,published'");
    }
    std::vector<ReportInput> out;
    const std::filesystem::path dir =
        csv.has_parent_path() ? csv.parent_path() : std::filesystem::path(".");
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const std::string& file = table.rows[i][*file_column];
        const std::string& date = table.rows[i][*date_column];
        const std::string where = csv.string() + ": line " + std::to_string(i + 2);
        if (file.empty()) {
            throw input_error(where + ": empty file name");
        }
        try {
            geo::parse_date(date);
        } catch (const Error& e) {
            throw e.with_context(where);
        }
        const std::filesystem::path p(file);
        const std::filesystem::path resolved = p.is_absolute() ? p : dir / p;
        if (scope == ManifestScope::inside && (p.is_absolute() || !is_inside(dir, resolved))) {
            throw input_error(where + ": '" + file +
                              "' is outside the manifest's folder (--allow-outside-manifest "
                              "reads it)");
        }
        out.push_back({resolved, date, file});
    }
    if (out.empty()) {
        throw input_error(csv.string() + ": the manifest lists no articles");
    }
    return out;
}

} // namespace sitmap::cli

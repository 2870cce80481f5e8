// cli/commands.hpp: every subcommand registers itself with its options; wrong or missing options
// are CLI11 parse errors (main.cpp turns them into exit code 2) before any work is done.

#include "cli/commands.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::cli;

namespace {

// The app as main.cpp builds it.
struct App {
    CLI::App app{"sitmap"};
    GlobalOptions global;
    App() {
        app.require_subcommand(1);
        app.fallthrough();
        app.add_option("--gazetteer", global.gazetteer);
        app.add_flag("-q,--quiet", global.quiet);
        add_geocode_command(app, global);
        add_extract_command(app, global);
        add_map_command(app, global);
        add_export_command(app, global);
        add_report_command(app, global);
    }
};

bool parse_error(std::vector<std::string> args) {
    App a;
    std::reverse(args.begin(), args.end()); // CLI11 takes them last first
    try {
        a.app.parse(args);
    } catch (const CLI::ParseError&) {
        return true;
    }
    return false;
}

} // namespace

TEST(Commands, EverySubcommandIsRegistered) {
    App a;
    for (const char* name : {"geocode", "extract", "map", "export", "report"}) {
        EXPECT_NO_THROW(a.app.get_subcommand(name)) << name;
    }
    EXPECT_EQ(a.app.get_subcommands([](CLI::App*) { return true; }).size(), 5u);
}

TEST(Commands, RequiredOptionsAndUnknownFlagsAreParseErrors) {
    EXPECT_TRUE(parse_error({}));                       // no subcommand
    EXPECT_TRUE(parse_error({"map", "in.geojson"}));    // no -o
    EXPECT_TRUE(parse_error({"export", "in.geojson"})); // no -o
    EXPECT_TRUE(parse_error({"extract"}));              // no article
    EXPECT_TRUE(parse_error({"map", "in.geojson", "-o", "m.png", "--size", "1x1", "--paper",
                             "a4"}));                                  // --size excludes --paper
    EXPECT_TRUE(parse_error({"geocode", "--country", "ARM", "Sotk"})); // two letters
    EXPECT_TRUE(parse_error({"report", "-o", "dir", "--manifest", "m.csv", "--published",
                             "2023-05-11"})); // --manifest excludes --published
    EXPECT_TRUE(parse_error({"geocode", "--no-such-flag", "Sotk"}));
}

TEST(Commands, GlobalOptionsMayFollowTheSubcommand) {
    App a;
    // Nothing runs: the main app's parse-complete callback comes before the subcommands' own
    // callbacks, and stops the run there to see only what was parsed. (Replacing geocode's callback
    // would free the options it owns while CLI11 still writes to them.)
    struct Parsed {};
    a.app.parse_complete_callback([] { throw Parsed{}; });
    EXPECT_THROW(a.app.parse("geocode Sotk -q --gazetteer g.geojson", false), Parsed);
    EXPECT_TRUE(a.global.quiet);
    EXPECT_EQ(a.global.gazetteer, "g.geojson");
}

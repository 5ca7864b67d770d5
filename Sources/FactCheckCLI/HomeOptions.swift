import ArgumentParser

/// The `--home` option shared by commands that use the data home.
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (default: $FACTCHECK_HOME or ./.factcheck).")
    var home: String?

    var dataHome: DataHome { DataHome(path: home) }
}

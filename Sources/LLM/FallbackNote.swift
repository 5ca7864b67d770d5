/// What a report says when an LLM use could not help and FactCheck's own stage stood in: one wording for every use.
enum FallbackNote {
    /// "The LLM (model) could not <task> (<error>); <instead>."
    static func couldNot(_ task: String, model: String, error: any Error, instead: String) -> String {
        "The LLM (\(model)) could not \(task) (\(error)); \(instead)."
    }
}

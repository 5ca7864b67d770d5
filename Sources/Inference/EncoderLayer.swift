/// The weights of one transformer block (post-layer-norm, as in BERT, RoBERTa and DeBERTa).
struct EncoderLayer {
    /// Query, key and value projections fused: [3·hidden, hidden].
    let queryKeyValue: Linear
    let attentionOutput: Linear
    let attentionNorm: LayerNorm
    let intermediate: Linear
    let output: Linear
    let outputNorm: LayerNorm
    /// DeBERTa: relative-position keys and queries, projected once at load: each [2·span, hidden].
    let relativeKeys: [Float]?
    let relativeQueries: [Float]?
}

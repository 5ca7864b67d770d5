import FactCheckCore
import Foundation

/// Element types a safetensors file may hold. Only the floating-point ones can be loaded as weights.
public enum TensorDType: String, Sendable {
    case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

    var byteSize: Int {
        switch self {
        case .f64, .i64: 8
        case .f32, .i32: 4
        case .f16, .bf16, .i16: 2
        case .i8, .u8, .bool: 1
        }
    }
}

/// One tensor's entry in a safetensors header.
public struct TensorInfo: Sendable, Equatable {
    public let dtype: TensorDType
    public let shape: [Int]
    /// Byte range within the data section (after the header).
    public let byteRange: Range<Int>

    public var elementCount: Int { shape.reduce(1, *) }
}

/// A memory-mapped `.safetensors` file: an 8-byte little-endian header length, a JSON header, then raw data.
///
/// The header is validated fully on open (bounds, dtype sizes, overlaps), so a truncated or corrupt file is
/// rejected with a message naming it instead of crashing later.
public final class SafeTensorsFile: @unchecked Sendable {
    public let path: String
    public let tensors: [String: TensorInfo]
    public let metadata: [String: String]
    private let file: MappedFile
    private let dataOffset: Int

    public init(path: String) throws {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch let error as MappedFile.ReadError { throw InferenceError.fileUnreadable(path, error.reason) }
        self.file = file
        self.path = path
        guard file.count >= 8 else { throw InferenceError.malformedSafeTensors(path, "file shorter than the 8-byte header length") }
        let headerLength = Int(UInt64(littleEndian: file.base.loadUnaligned(as: UInt64.self)))
        guard headerLength > 1, headerLength <= 100_000_000, 8 + headerLength <= file.count else {
            throw InferenceError.malformedSafeTensors(path, "header length \(headerLength) does not fit a file of \(file.count) bytes")
        }
        let headerData = Data(bytes: file.base + 8, count: headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any] else {
            throw InferenceError.malformedSafeTensors(path, "header is not a JSON object")
        }
        dataOffset = 8 + headerLength
        let dataSize = file.count - dataOffset
        var tensors: [String: TensorInfo] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                for (key, item) in value as? [String: Any] ?? [:] { metadata[key] = item as? String }
                continue
            }
            guard let entry = value as? [String: Any],
                  let dtypeName = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int],
                  let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw InferenceError.malformedSafeTensors(path, "entry '\(name)' lacks dtype, shape or data_offsets") }
            guard let dtype = TensorDType(rawValue: dtypeName) else { throw InferenceError.unsupportedDType(name, dtypeName) }
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataSize else {
                throw InferenceError.malformedSafeTensors(path, "tensor '\(name)' data range \(offsets) exceeds the \(dataSize)-byte data section (truncated file?)")
            }
            let (elements, overflow) = shape.reduce((1, false)) { acc, dim in
                let product = acc.0.multipliedReportingOverflow(by: dim)
                return (product.partialValue, acc.1 || product.overflow)
            }
            guard !overflow, elements * dtype.byteSize == offsets[1] - offsets[0] else {
                throw InferenceError.malformedSafeTensors(path, "tensor '\(name)' shape \(shape) does not match its \(offsets[1] - offsets[0]) bytes")
            }
            tensors[name] = TensorInfo(dtype: dtype, shape: shape, byteRange: offsets[0] ..< offsets[1])
        }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor's elements converted to `Float` (F32 is copied, F16 and BF16 widened exactly).
    public func floats(_ name: String) throws -> [Float] {
        guard let info = tensors[name] else { throw InferenceError.missingTensor(name, in: path) }
        let raw = file.base + dataOffset + info.byteRange.lowerBound
        let count = info.elementCount
        defer { file.discard(dataOffset + info.byteRange.lowerBound ..< dataOffset + info.byteRange.upperBound) }
        switch info.dtype {
        case .f32:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                memcpy(buffer.baseAddress!, raw, count * 4)
                initialized = count
            }
        case .f16:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0 ..< count { buffer[i] = Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self))) }
                initialized = count
            }
        case .bf16:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0 ..< count {
                    let bits = UInt32(raw.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)) << 16
                    buffer[i] = Float(bitPattern: bits)
                }
                initialized = count
            }
        default:
            throw InferenceError.unsupportedDType(name, info.dtype.rawValue)
        }
    }
}

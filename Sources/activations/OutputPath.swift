import Foundation

/// Output paths checked before writing, and write failures in words: "out.json is a directory",
/// "the folder results does not exist", "permission denied", never a raw `NSCocoaErrorDomain` code.
enum OutputPath {
    /// Why a file cannot be written at `path` (nil when nothing is known to be wrong).
    static func fileProblem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty; give a file name" }
        if isDirectory(path) == true { return "\(path) is a directory; give a file name, e.g. \(path)/out" }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        switch isDirectory(parent) {
        case nil: return "the folder \(parent) does not exist"
        case false?: return "\(parent) is a file, not a folder"
        case true?: return nil
        }
    }

    /// Why a directory cannot be written into at `path` (it may not exist yet; its nearest existing
    /// ancestor must be a folder).
    static func directoryProblem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty; give a folder name (. for this one)" }
        var url = URL(fileURLWithPath: path)
        while isDirectory(url.path) == nil, url.pathComponents.count > 1 { url.deleteLastPathComponent() }
        return isDirectory(url.path) == false ? "\(url.path) is a file, not a folder" : nil
    }

    /// Whether `path` is a directory, a file (false), or nothing (nil).
    static func isDirectory(_ path: String) -> Bool? {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else { return nil }
        return directory.boolValue
    }

    /// A read or write error in words: the operating system's reason when there is one.
    static func describe(_ error: any Error, reading: Bool = false) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        guard error.domain == NSCocoaErrorDomain else { return error.localizedDescription }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteInvalidFileName: return "the name is not a valid file name"
        case .fileWriteFileExists: return "a file of that name exists"
        default: return "the file could not be \(reading ? "read" : "written") (error \(error.code))"
        }
    }
}

/// Writes `data` to the file at `path`, or explains in words why it cannot (a path that cannot be
/// a file: 64; a write that failed, a full disk: 74).
///
/// A regular file (or a new one) is written beside itself and then renamed over the old one, so a
/// write that fails leaves the old file as it was: a model saved onto a full disk replaced a good
/// model with a truncated one. A symbolic link is followed (the file it names is replaced, the link
/// stays); anything else (`/dev/stdout`, a named pipe) is written in place.
func writeFile(_ data: Data, to path: String) throws {
    if let problem = OutputPath.fileProblem(path) { throw CommandFailure.usage("cannot write \(path): \(problem)") }
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let type = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType
    let replaceable = type == nil || type == .typeRegular
    do { try data.write(to: target, options: replaceable ? .atomic : []) } catch {
        throw CommandFailure.io("cannot write \(path): \(OutputPath.describe(error))")
    }
}

/// Runs `write` into the directory `path`, or explains in words why it cannot.
func writeDirectory<T>(_ path: String, what: String = "", _ write: (URL) throws -> T) throws -> T {
    let target = what.isEmpty ? path : "\(what) into \(path)"
    if let problem = OutputPath.directoryProblem(path) {
        throw CommandFailure.usage("cannot write \(target): \(problem)")
    }
    do { return try write(URL(fileURLWithPath: path)) } catch let failure as CommandFailure { throw failure } catch {
        throw CommandFailure.io("cannot write \(target): \(OutputPath.describe(error))")
    }
}

// The memory a segment builder writes into: resizable ArrayBuffers, whose address space is reserved
// up front and whose pages are committed as they are written, so a column grows in place instead of
// being copied into one twice its size. It also keeps the build's transient memory out of the C
// heap: buffers that doubled through malloc made glibc raise its mmap threshold after each freed
// copy, so later buffers came from the heap and the holes they left when the builder was dropped
// stayed resident (a process that had built the index held twice what one that loaded it holds).
// A reserved buffer is unmapped when it is collected.

/** Address space reserved for a new buffer; one that outgrows it moves once to a larger one. */
const FIRST_RESERVATION = 64 * 1024 * 1024;
/** A buffer that outgrows its reservation moves to one this many times its new size. */
const RESERVATION_GROWTH = 8;

/** A resizable buffer of `bytes` bytes. */
export const reservedBuffer = (bytes: number): ArrayBuffer =>
  new ArrayBuffer(bytes, { maxByteLength: Math.max(FIRST_RESERVATION, bytes) });

/**
 * `buffer` with room for at least `bytes` bytes (twice its size, or more when asked): resized in
 * place, or its contents moved to a larger reservation when it outgrows its own.
 */
export function grownBuffer(buffer: ArrayBuffer, bytes: number): ArrayBuffer {
  const size = Math.max(bytes, buffer.byteLength * 2);
  if (size <= buffer.maxByteLength) {
    buffer.resize(size);
    return buffer;
  }
  const moved = new ArrayBuffer(size, { maxByteLength: size * RESERVATION_GROWTH });
  new Uint8Array(moved).set(new Uint8Array(buffer));
  return moved;
}

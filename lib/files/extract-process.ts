// The extraction child process: reads one PDF (text layer or OCR) and reports progress and the result to its
// parent over IPC. Started by run-extraction.ts with a heap limit and killed on timeout or memory overrun, so
// a hostile or huge PDF costs this process, never the server.
import { ExtractionError, extractPdf } from "./pdf-extract";
import { ocrPdf } from "./ocr";

export type ExtractionRequest = { kind: "text"; filePath: string } | { kind: "ocr"; filePath: string };

export type ExtractionMessage =
  | { type: "progress"; pagesDone: number; pageCount: number }
  | { type: "done"; result: unknown }
  | { type: "failed"; code: string; detail: string };

function send(message: ExtractionMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

process.once("message", async (request: ExtractionRequest) => {
  const progress = (pagesDone: number, pageCount: number) => void send({ type: "progress", pagesDone, pageCount });
  try {
    const result =
      request.kind === "text" ? await extractPdf(request.filePath, progress) : await ocrPdf(request.filePath, progress);
    await send({ type: "done", result });
  } catch (error) {
    await send(
      error instanceof ExtractionError
        ? { type: "failed", code: error.code, detail: error.message }
        : { type: "failed", code: "CORRUPT", detail: error instanceof Error ? error.message : String(error) },
    );
  }
  process.disconnect();
});

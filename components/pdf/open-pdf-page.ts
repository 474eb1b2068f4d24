"use client";
import { createContext, useContext } from "react";

/** Lets a coding in the text view open the PDF at its page. Absent where the item has no PDF. */
export const OpenPdfPage = createContext<((page: number) => void) | null>(null);
export const useOpenPdfPage = () => useContext(OpenPdfPage);

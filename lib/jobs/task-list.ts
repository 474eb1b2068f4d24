// Every job the worker knows. A domain adds its jobs here; nothing else has to change for the worker to run them.
import { searchIndexJob } from "@/lib/search/jobs";
import type { JobDefinition } from "./define-job";

export const jobDefinitions: JobDefinition[] = [searchIndexJob];

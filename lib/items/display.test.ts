import { describe, expect, it } from "vitest";
import { citationLabel } from "./display";

const en = (nameEn: string) => ({ nameZh: null, nameEn });
const zh = (nameZh: string) => ({ nameZh, nameEn: null });

describe("citationLabel", () => {
  it("labels Chinese authors by full name and Latin ones by surname", () => {
    expect(citationLabel("zh", [zh("阚道远"), zh("杨宁")], 2024)).toBe("阚道远、杨宁 (2024)");
    expect(citationLabel("zh", [zh("阚道远"), zh("杨宁"), zh("李明")], 2024)).toBe("阚道远等 (2024)");
    expect(citationLabel("en", [en("Kan Daoyuan")], 2024)).toBe("Kan (2024)");
  });

  it("takes the surname before the comma of an imported 'Surname, I.' name", () => {
    expect(citationLabel("en", [en("Uno, K.")], 2019)).toBe("Uno (2019)");
    expect(citationLabel("en", [en("Mayer, R."), en("Labanski, A."), en("Wu, X.")], 2019)).toBe("Mayer et al. (2019)");
    expect(citationLabel("en", [en("Mayer, R."), en("Labanski, A.")], null)).toBe("Mayer & Labanski (year missing)");
  });
});

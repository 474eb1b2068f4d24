"use client";

export interface ThemeOption {
  id: string;
  name: string;
  color: string;
  depth: number;
}

/** The codebook as checkboxes, indented by hierarchy, each with its colour. */
export function ThemeChecklist({
  themes,
  legend,
  name,
  checked = [],
}: {
  themes: ThemeOption[];
  legend: string;
  name: string;
  checked?: string[];
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-stone-700">{legend}</legend>
      <div className="grid max-h-56 gap-y-1 overflow-y-auto">
        {themes.map((theme) => (
          <label
            key={theme.id}
            className="flex items-center gap-2 text-sm"
            style={{ paddingLeft: `${theme.depth * 1.25}rem` }}
          >
            <input
              type="checkbox"
              name={name}
              value={theme.id}
              defaultChecked={checked.includes(theme.id)}
              className="h-4 w-4"
            />
            <span aria-hidden className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: theme.color }} />
            {theme.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// Shared class names so every button and field looks the same.
export const buttonPrimary =
  "inline-flex items-center justify-center whitespace-nowrap gap-2 rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-teal-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:cursor-not-allowed disabled:opacity-60";
export const buttonSecondary =
  "inline-flex items-center justify-center whitespace-nowrap gap-2 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:cursor-not-allowed disabled:opacity-60";
export const buttonDanger =
  "inline-flex items-center justify-center whitespace-nowrap rounded-md border border-red-200 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-not-allowed disabled:opacity-50";
export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-500";
/** The same field for use inside a row of controls: it takes the width it is given instead of the full line. */
export const inlineInputClass = inputClass.replace("block w-full", "inline-block min-w-0");
export const labelClass = "block text-sm font-medium text-stone-700";
export const cardClass = "rounded-lg border border-stone-200 bg-white shadow-sm";
/** A dropdown menu's panel and its items (Radix DropdownMenu). */
export const menuContent =
  "z-50 min-w-56 rounded-md border border-stone-200 bg-white py-1 text-sm text-stone-800 shadow-lg focus:outline-none";
export const menuItem =
  "flex cursor-pointer select-none items-center gap-2 px-3 py-2 outline-none data-[highlighted]:bg-teal-50 data-[highlighted]:text-teal-900 data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50";
export const menuLabel = "px-3 pb-1 pt-2 text-xs font-medium text-stone-500";
export const menuSeparator = "my-1 h-px bg-stone-200";

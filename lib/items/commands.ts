// Item editing commands (add, edit with version check, trash, restore) live here.
export {};

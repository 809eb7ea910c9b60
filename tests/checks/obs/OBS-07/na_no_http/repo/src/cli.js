const { program } = require('commander');
program.command('report').action(() => console.log('report'));
program.parse();

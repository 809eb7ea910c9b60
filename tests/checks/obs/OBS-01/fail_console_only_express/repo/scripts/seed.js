console.log('seeding');
